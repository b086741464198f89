// Device backend of the optimizers: each exported function is one fused pass of an optimizer step, written
// with ATen ops so it runs wherever the tensors live. Float math in float32, reductions in double.
#include <ATen/ATen.h>

#include <cmath>

#include "momentum_native_kernels.h"
#include "tensor_handle.h"

namespace {

const at::Tensor& same_as(const at::Tensor& reference, const mm_tensor* handle, const char* name) {
  const auto& t = mm::tensor_of(handle, name);
  if (t.numel() != reference.numel()) {
    throw mm::InvalidArgument(std::string(name) + ": length " + std::to_string(t.numel()) +
                              " does not match the parameters' length " + std::to_string(reference.numel()));
  }
  if (t.device() != reference.device()) {
    throw mm::InvalidArgument(std::string(name) + " lives on " + t.device().str() + ", the parameters on " +
                              reference.device().str());
  }
  if (t.scalar_type() != at::kFloat) throw mm::InvalidArgument(std::string(name) + " must be float32");
  return t;
}

at::Tensor& same_as_mut(const at::Tensor& reference, mm_tensor* handle, const char* name) {
  same_as(reference, handle, name);
  return handle->tensor;
}

const at::Tensor& params(const mm_tensor* handle) {
  const auto& t = mm::tensor_of(handle, "x");
  if (t.scalar_type() != at::kFloat) throw mm::InvalidArgument("x must be float32");
  return t;
}

double dot_double(const at::Tensor& a, const at::Tensor& b) {
  return at::sum(a.to(at::kDouble) * b.to(at::kDouble)).item<double>();
}

void accumulate(const at::Tensor& x, mm_tensor* acc) {
  if (acc != nullptr) same_as_mut(x, acc, "acc").add_(x);
}

// Scalars arrive as doubles holding float32 values; ATen applies them in the tensor's dtype (float32).
at::Scalar f(double value) { return at::Scalar(static_cast<double>(static_cast<float>(value))); }

// g + wd·x, or g itself (not a copy; never written) when wd = 0: as in PyTorch, a NaN or ±∞ in x then stays out
// of the momentum buffers, and the step allocates no temporary for it.
at::Tensor with_weight_decay(const at::Tensor& g, const at::Tensor& x, double wd) {
  return static_cast<float>(wd) == 0.0f ? g : g.add(x.mul(f(wd)));
}

}  // namespace

extern "C" {

MM_API int32_t mm_kernel_all_finite(const mm_tensor* v, int32_t* finite) {
  return mm::guarded([&] {
    const auto& t = mm::tensor_of(v, "v");
    *mm::require(finite, "finite") = std::isfinite(at::sum(t, at::kDouble).item<double>()) ? 1 : 0;
  });
}

MM_API int32_t mm_kernel_sgd(mm_tensor* x, const mm_tensor* g, mm_tensor* acc, double wd, double lr, double decay) {
  return mm::guarded([&] {
    at::NoGradGuard no_grad;
    auto& xt = x->tensor;
    params(x);
    const auto gp = with_weight_decay(same_as(xt, g, "g"), xt, wd);
    xt.mul_(f(decay)).sub_(gp.mul(f(lr)));
    accumulate(xt, acc);
  });
}

MM_API int32_t mm_kernel_momentum(mm_tensor* x, const mm_tensor* g, mm_tensor* m, mm_tensor* acc, double wd, double a,
                                  double b, double p, double q, double decay) {
  return mm::guarded([&] {
    at::NoGradGuard no_grad;
    auto& xt = x->tensor;
    params(x);
    auto& mt = same_as_mut(xt, m, "m");
    const auto gp = with_weight_decay(same_as(xt, g, "g"), xt, wd);
    mt.mul_(f(a)).add_(gp.mul(f(b)));
    auto update = mt.mul(f(p)).add_(gp.mul(f(q)));
    xt.mul_(f(decay)).sub_(update);
    accumulate(xt, acc);
  });
}

MM_API int32_t mm_kernel_adam(mm_tensor* x, const mm_tensor* g, mm_tensor* m, mm_tensor* v, mm_tensor* acc, double wd,
                              double a, double b, double beta2, double inv_sqrt_bc2, double eps, double step,
                              double decay) {
  return mm::guarded([&] {
    at::NoGradGuard no_grad;
    auto& xt = x->tensor;
    params(x);
    auto& mt = same_as_mut(xt, m, "m");
    auto& vt = same_as_mut(xt, v, "v");
    const auto one_minus_beta2 = static_cast<double>(1.0f - static_cast<float>(beta2));
    const auto gp = with_weight_decay(same_as(xt, g, "g"), xt, wd);
    mt.mul_(f(a)).add_(gp.mul(f(b)));
    vt.mul_(f(beta2)).add_(gp.mul(gp).mul_(f(one_minus_beta2)));
    auto den = vt.sqrt().mul_(f(inv_sqrt_bc2)).add_(f(eps));
    xt.mul_(f(decay)).sub_((mt / den).mul_(f(step)));
    accumulate(xt, acc);
  });
}

MM_API int32_t mm_kernel_momo_moments(const mm_tensor* x, const mm_tensor* g, const mm_tensor* d, const mm_tensor* v,
                                      mm_tensor* d_next, mm_tensor* v_next, mm_tensor* u, double a, double b,
                                      double beta2, double inv_sqrt_bc2, double eps, double* sums) {
  return mm::guarded([&] {
    at::NoGradGuard no_grad;
    const auto& xt = params(x);
    const auto& gt = same_as(xt, g, "g");
    const auto& dt = same_as(xt, d, "d");
    mm::require(sums, "sums");
    // Without d_next only the sums are wanted: the new averages live in temporaries.
    const bool write = d_next != nullptr;
    at::Tensor dn = write ? same_as_mut(xt, d_next, "d_next") : at::empty_like(xt);
    at::mul_out(dn, dt, f(a)).add_(gt.mul(f(b)));
    at::Tensor direction = dn;
    if (v != nullptr) {
      const auto& vt = same_as(xt, v, "v");
      at::Tensor vn = write ? same_as_mut(xt, v_next, "v_next") : at::empty_like(xt);
      const auto one_minus_beta2 = static_cast<double>(1.0f - static_cast<float>(beta2));
      at::mul_out(vn, vt, f(beta2)).add_(gt.mul(gt).mul_(f(one_minus_beta2)));
      auto den = vn.sqrt().mul_(f(inv_sqrt_bc2)).add_(f(eps));
      direction = u != nullptr ? at::div_out(same_as_mut(xt, u, "u"), dn, den) : dn / den;
    }
    sums[0] = dot_double(gt, xt);
    sums[1] = dot_double(dn, xt);
    sums[2] = dot_double(dn, direction);
  });
}

MM_API int32_t mm_kernel_momo_step(mm_tensor* x, const mm_tensor* dir, mm_tensor* acc, double pre, double tau,
                                   double post) {
  return mm::guarded([&] {
    at::NoGradGuard no_grad;
    params(x);
    auto& xt = x->tensor;
    const auto& direction = same_as(xt, dir, "dir");
    xt.mul_(f(pre)).sub_(direction.mul(f(tau))).mul_(f(post));
    accumulate(xt, acc);
  });
}

MM_API int32_t mm_kernel_momo_correct(mm_tensor* x, const mm_tensor* d, const mm_tensor* v, double inv_sqrt_bc2,
                                      double eps, double delta) {
  return mm::guarded([&] {
    at::NoGradGuard no_grad;
    params(x);
    auto& xt = x->tensor;
    const auto& dt = same_as(xt, d, "d");
    auto direction = v != nullptr ? dt / same_as(xt, v, "v").sqrt().mul_(f(inv_sqrt_bc2)).add_(f(eps)) : dt;
    xt.add_(direction.mul(f(delta)));
  });
}

MM_API int32_t mm_kernel_window_end(mm_tensor* window, mm_tensor* mean_prev, mm_tensor* step_prev, double scale,
                                    int32_t has_prev, int32_t has_prev_step, int32_t clear, double* sums) {
  return mm::guarded([&] {
    at::NoGradGuard no_grad;
    auto& wt = mm::tensor_of(window, "window");
    auto& mp = same_as_mut(wt, mean_prev, "mean_prev");
    auto& sp = same_as_mut(wt, step_prev, "step_prev");
    mm::require(sums, "sums");
    sums[0] = sums[1] = sums[2] = 0.0;
    auto y = wt.mul(f(scale));
    if (has_prev != 0) {
      auto s = y.sub(mp);
      if (has_prev_step != 0) {
        sums[0] = dot_double(s, sp);
        sums[1] = dot_double(s, s);
        sums[2] = dot_double(sp, sp);
      }
      sp.copy_(s);
    }
    mp.copy_(y);
    if (clear != 0) wt.zero_();
  });
}

MM_API int32_t mm_kernel_axpy(mm_tensor* y, double alpha, const mm_tensor* x) {
  return mm::guarded([&] {
    at::NoGradGuard no_grad;
    auto& yt = mm::tensor_of(y, "y");
    yt.add_(same_as(yt, x, "x").mul(f(alpha)));
  });
}

MM_API int32_t mm_kernel_scale_into(mm_tensor* destination, double alpha, const mm_tensor* source) {
  return mm::guarded([&] {
    at::NoGradGuard no_grad;
    auto& dt = mm::tensor_of(destination, "destination");
    dt.copy_(same_as(dt, source, "source").mul(f(alpha)));
  });
}

}  // extern "C"
