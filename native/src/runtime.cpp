#include "runtime.h"

#include <ATen/ATen.h>
#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <torch/csrc/api/include/torch/version.h>

#include <cstring>
#include <mutex>
#include <string>

#include "error.h"

namespace mm {

std::atomic<int64_t> live_objects{0};

namespace {
std::atomic<int32_t> requested_threads{0};  // 0: leave libtorch's default

int32_t cuda_device_count() {
  if (!at::hasCUDA()) return 0;
  return static_cast<int32_t>(at::detail::getCUDAHooks().getNumGPUs());
}
}  // namespace

c10::Device parse_device(const char* device) {
  const std::string text = device == nullptr ? std::string("cpu") : std::string(device);
  if (text == "cpu") return c10::Device(c10::kCPU);
  if (text.rfind("cuda", 0) != 0) {
    throw InvalidArgument("unknown device '" + text + "': expected 'cpu', 'cuda' or 'cuda:N'");
  }
  c10::Device parsed(c10::kCPU);
  try {
    parsed = c10::Device(text);
  } catch (const c10::Error&) {
    throw InvalidArgument("unknown device '" + text + "': expected 'cpu', 'cuda' or 'cuda:N'");
  }
  const int32_t count = cuda_device_count();
  if (count == 0) {
    throw NotAvailable("device '" + text + "' requested, but the loaded libtorch " + TORCH_VERSION +
                       (at::hasCUDA() ? " sees no CUDA device" : " was built without CUDA support") +
                       "; use 'cpu', or build native/ against a CUDA libtorch (Torch_DIR)");
  }
  const int index = parsed.has_index() ? parsed.index() : 0;
  if (index >= count) {
    throw InvalidArgument("device '" + text + "' does not exist: " + std::to_string(count) +
                          " CUDA device(s) visible (cuda:0 .. cuda:" + std::to_string(count - 1) + ")");
  }
  return c10::Device(c10::kCUDA, static_cast<c10::DeviceIndex>(index));
}

void apply_thread_setting() {
  const int32_t wanted = requested_threads.load(std::memory_order_relaxed);
  if (wanted > 0 && at::get_num_threads() != wanted) at::set_num_threads(wanted);
}

}  // namespace mm

extern "C" {

MM_API int32_t mm_torch_version(const char** version) {
  return mm::guarded([&] { *mm::require(version, "version") = TORCH_VERSION; });
}

MM_API int32_t mm_set_num_threads(int32_t threads) {
  return mm::guarded([&] {
    if (threads < 1) throw mm::InvalidArgument("thread count must be at least 1, got " + std::to_string(threads));
    mm::requested_threads.store(threads);
    at::set_num_threads(threads);
  });
}

MM_API int32_t mm_get_num_threads(int32_t* threads) {
  return mm::guarded([&] {
    mm::apply_thread_setting();
    *mm::require(threads, "threads") = at::get_num_threads();
  });
}

MM_API int32_t mm_manual_seed(uint64_t seed) {
  return mm::guarded([&] {
    at::manual_seed(seed);
  });
}

MM_API int32_t mm_rng_state(const char* device, uint8_t* buffer, int64_t capacity, int64_t* length) {
  return mm::guarded([&] {
    const auto target = mm::parse_device(device);
    auto generator = at::globalContext().defaultGenerator(target);
    at::Tensor state;
    {
      std::lock_guard<std::mutex> lock(generator.mutex());
      state = generator.get_state().contiguous();
    }
    *mm::require(length, "length") = state.numel();
    if (buffer == nullptr) return;  // size query
    if (capacity < state.numel()) {
      throw mm::InvalidArgument("RNG state needs " + std::to_string(state.numel()) + " bytes; buffer holds " + std::to_string(capacity));
    }
    std::memcpy(buffer, state.data_ptr<uint8_t>(), static_cast<size_t>(state.numel()));
  });
}

MM_API int32_t mm_set_rng_state(const char* device, const uint8_t* buffer, int64_t length) {
  return mm::guarded([&] {
    const auto target = mm::parse_device(device);
    auto generator = at::globalContext().defaultGenerator(target);
    auto state = at::empty({length}, at::TensorOptions().dtype(at::kByte));
    if (length > 0) std::memcpy(state.data_ptr<uint8_t>(), mm::require(buffer, "buffer"), static_cast<size_t>(length));
    std::lock_guard<std::mutex> lock(generator.mutex());
    try {
      generator.set_state(state);
    } catch (const c10::Error& e) {
      throw mm::InvalidArgument(std::string("not a valid RNG state for ") + target.str() + ": " + e.what_without_backtrace());
    }
  });
}

MM_API int32_t mm_cuda_device_count(int32_t* count) {
  return mm::guarded([&] { *mm::require(count, "count") = mm::cuda_device_count(); });
}

MM_API int32_t mm_check_device(const char* device) {
  return mm::guarded([&] { mm::parse_device(device); });
}

MM_API int64_t mm_live_object_count(void) { return mm::live_objects.load(); }

}  // extern "C"
