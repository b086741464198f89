// Error plumbing for the C ABI: every exported function body runs inside mm::guarded(), which turns any
// exception into a status code plus a thread-local message. An escaped exception would abort the host.
#pragma once

#include <c10/util/Exception.h>

#include <new>
#include <stdexcept>
#include <string>

#include "momentum_native.h"

namespace mm {

// A caller mistake (bad shape, option, label, device): reported as MM_INVALID_ARGUMENT.
struct InvalidArgument : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Something the loaded libtorch cannot do (e.g. CUDA in a CPU build): MM_NOT_AVAILABLE.
struct NotAvailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// A file could not be read or written: MM_IO_ERROR.
struct IoError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void set_last_error(const std::string& message);
int32_t status_for_torch_error(const c10::Error& error);

template <typename Body>
int32_t guarded(Body&& body) noexcept {
  try {
    body();
    return MM_OK;
  } catch (const InvalidArgument& e) {
    set_last_error(e.what());
    return MM_INVALID_ARGUMENT;
  } catch (const NotAvailable& e) {
    set_last_error(e.what());
    return MM_NOT_AVAILABLE;
  } catch (const IoError& e) {
    set_last_error(e.what());
    return MM_IO_ERROR;
  } catch (const c10::Error& e) {
    set_last_error(e.what_without_backtrace());
    return status_for_torch_error(e);
  } catch (const std::bad_alloc&) {
    set_last_error("out of memory (host allocation failed)");
    return MM_OUT_OF_MEMORY;
  } catch (const std::exception& e) {
    set_last_error(e.what());
    return MM_ERROR;
  } catch (...) {
    set_last_error("unknown native exception");
    return MM_ERROR;
  }
}

template <typename T>
T* require(T* pointer, const char* name) {
  if (pointer == nullptr) throw InvalidArgument(std::string(name) + " must not be null");
  return pointer;
}

}  // namespace mm
