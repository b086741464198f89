#include <ATen/ATen.h>

#include "tensor_handle.h"

extern "C" {

MM_API int32_t mm_tensor_from_host(const float* data, int64_t length, const char* device, mm_tensor** out) {
  return mm::guarded([&] {
    mm::require(out, "out");
    if (length < 0) throw mm::InvalidArgument("tensor length must not be negative");
    if (length > 0) mm::require(data, "data");
    const auto target = mm::parse_device(device);
    auto host = at::from_blob(const_cast<float*>(data), {length}, at::TensorOptions().dtype(at::kFloat));
    *out = new mm_tensor(host.to(target, /*non_blocking=*/false, /*copy=*/true));
  });
}

MM_API int32_t mm_tensor_zeros(int64_t length, const char* device, mm_tensor** out) {
  return mm::guarded([&] {
    mm::require(out, "out");
    if (length < 0) throw mm::InvalidArgument("tensor length must not be negative");
    const auto target = mm::parse_device(device);
    *out = new mm_tensor(at::zeros({length}, at::TensorOptions().dtype(at::kFloat).device(target)));
  });
}

MM_API int32_t mm_tensor_length(const mm_tensor* tensor, int64_t* length) {
  return mm::guarded([&] { *mm::require(length, "length") = mm::tensor_of(tensor, "tensor").numel(); });
}

MM_API int32_t mm_tensor_copy_to_host(const mm_tensor* tensor, float* destination, int64_t length) {
  return mm::guarded([&] {
    const auto& source = mm::tensor_of(tensor, "tensor");
    mm::require_length(source, length, "copy to host");
    if (length == 0) return;
    auto host = at::from_blob(mm::require(destination, "destination"), {length}, at::TensorOptions().dtype(at::kFloat));
    host.copy_(source);
  });
}

MM_API int32_t mm_tensor_copy_from_host(mm_tensor* tensor, const float* source, int64_t length) {
  return mm::guarded([&] {
    auto& target = mm::tensor_of(tensor, "tensor");
    mm::require_length(target, length, "copy from host");
    if (length == 0) return;
    auto host = at::from_blob(const_cast<float*>(mm::require(source, "source")), {length},
                              at::TensorOptions().dtype(at::kFloat));
    at::NoGradGuard no_grad;
    target.copy_(host);
  });
}

MM_API int32_t mm_tensor_host_data(mm_tensor* tensor, float** data) {
  return mm::guarded([&] {
    auto& value = mm::tensor_of(tensor, "tensor");
    if (!value.device().is_cpu()) {
      throw mm::InvalidArgument("tensor lives on " + value.device().str() + "; host data is only available for cpu tensors");
    }
    *mm::require(data, "data") = value.data_ptr<float>();
  });
}

MM_API void mm_tensor_free(mm_tensor* tensor) {
  try {
    delete tensor;
  } catch (...) {
  }
}

}  // extern "C"
