// Vector kernels for the optimizers' device backend (C ABI, ATen only).
//
// Each call performs one whole fused pass of an optimizer step on the tensors' device (CPU or CUDA), so an
// optimizer step costs one or two native calls, never per-element calls. Scalars arrive as doubles holding
// float32 values and are applied in float32; every reduction accumulates in double. Optional tensors may be
// null. All tensors of one call must be flat float32 vectors of the same length on the same device.
#ifndef MOMENTUM_NATIVE_KERNELS_H
#define MOMENTUM_NATIVE_KERNELS_H

#include "momentum_native.h"

#ifdef __cplusplus
extern "C" {
#endif

// *finite = 1 when every element is finite (sum in double is finite), else 0.
MM_API int32_t mm_kernel_all_finite(const mm_tensor* v, int32_t* finite);

// x <- x*decay - lr*(g + wd*x); acc += x.
MM_API int32_t mm_kernel_sgd(mm_tensor* x, const mm_tensor* g, mm_tensor* acc, double wd, double lr, double decay);

// g' = g + wd*x; m <- a*m + b*g'; x <- x*decay - (p*m + q*g'); acc += x.
MM_API int32_t mm_kernel_momentum(mm_tensor* x, const mm_tensor* g, mm_tensor* m, mm_tensor* acc, double wd, double a,
                                  double b, double p, double q, double decay);

// g' = g + wd*x; m <- a*m + b*g'; v <- beta2*v + (1-beta2)*g'^2; x <- x*decay - step*m/(sqrt(v)*isb + eps); acc += x.
MM_API int32_t mm_kernel_adam(mm_tensor* x, const mm_tensor* g, mm_tensor* m, mm_tensor* v, mm_tensor* acc, double wd,
                              double a, double b, double beta2, double inv_sqrt_bc2, double eps, double step,
                              double decay);

// MoMo pass 1: d_next <- a*d + b*g; if v != null: v_next <- beta2*v + (1-beta2)*g^2 and
// dir = d_next/(sqrt(v_next)*isb + eps) (stored in u when u != null), else dir = d_next. sums = (<g,x>, <d_next,x>,
// sum d_next*dir) in double. d_next and v_next may be d and v (in place); otherwise d and v are not written, so
// non-finite sums (non-finite g or x) leave them as they were. With d_next (and v_next, u) null only the sums are
// computed and nothing is written.
MM_API int32_t mm_kernel_momo_moments(const mm_tensor* x, const mm_tensor* g, const mm_tensor* d, const mm_tensor* v,
                                      mm_tensor* d_next, mm_tensor* v_next, mm_tensor* u, double a, double b,
                                      double beta2, double inv_sqrt_bc2, double eps, double* sums);

// MoMo pass 2: x <- (x*pre - tau*dir)*post with the direction of pass 1 (MoMo's d, MoMo-Adam's u); acc += x.
MM_API int32_t mm_kernel_momo_step(mm_tensor* x, const mm_tensor* dir, mm_tensor* acc, double pre, double tau,
                                   double post);

// MoMo's correction after a capped step whose tau came out below the cap: x <- x + delta*dir with
// dir = d/(sqrt(v)*isb + eps) when v != null, else d.
MM_API int32_t mm_kernel_momo_correct(mm_tensor* x, const mm_tensor* d, const mm_tensor* v, double inv_sqrt_bc2,
                                      double eps, double delta);

// AutoDrop window end: y = window*scale; if has_prev: s = y - mean_prev, and if has_prev_step:
// sums = (<s,step_prev>, |s|^2, |step_prev|^2) in double; step_prev <- s; mean_prev <- y; clear: window <- 0.
MM_API int32_t mm_kernel_window_end(mm_tensor* window, mm_tensor* mean_prev, mm_tensor* step_prev, double scale,
                                    int32_t has_prev, int32_t has_prev_step, int32_t clear, double* sums);

// y <- y + alpha*x.
MM_API int32_t mm_kernel_axpy(mm_tensor* y, double alpha, const mm_tensor* x);

// destination <- alpha*source.
MM_API int32_t mm_kernel_scale_into(mm_tensor* destination, double alpha, const mm_tensor* source);

#ifdef __cplusplus
}
#endif
#endif
