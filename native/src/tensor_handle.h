// The object behind an mm_tensor handle: one flat float32 ATen tensor on some device.
#pragma once

#include <ATen/ATen.h>

#include "error.h"
#include "runtime.h"

struct mm_tensor {
  explicit mm_tensor(at::Tensor value) : tensor(std::move(value)) { mm::live_objects.fetch_add(1); }
  ~mm_tensor() { mm::live_objects.fetch_sub(1); }
  mm_tensor(const mm_tensor&) = delete;
  mm_tensor& operator=(const mm_tensor&) = delete;

  at::Tensor tensor;
};

namespace mm {

inline at::Tensor& tensor_of(mm_tensor* handle, const char* name) { return require(handle, name)->tensor; }
inline const at::Tensor& tensor_of(const mm_tensor* handle, const char* name) { return require(handle, name)->tensor; }

inline void require_length(const at::Tensor& tensor, int64_t length, const char* what) {
  if (tensor.numel() != length) {
    throw InvalidArgument(std::string(what) + ": length " + std::to_string(length) + " does not match tensor length " +
                          std::to_string(tensor.numel()));
  }
}

}  // namespace mm
