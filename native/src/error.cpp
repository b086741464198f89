#include "error.h"

namespace mm {

namespace {
thread_local std::string last_error_message;
}

void set_last_error(const std::string& message) {
  try {
    last_error_message = message;
  } catch (...) {
    // Nothing sensible to do if even the message cannot be stored.
  }
}

int32_t status_for_torch_error(const c10::Error& error) {
  const std::string message = error.what_without_backtrace();
  if (message.find("out of memory") != std::string::npos) return MM_OUT_OF_MEMORY;
  return MM_ERROR;
}

}  // namespace mm

extern "C" MM_API const char* mm_last_error(void) { return mm::last_error_message.c_str(); }
