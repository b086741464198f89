using System.Runtime.InteropServices;

namespace Microsoft.ML.Momentum.Engine;

// The optimizers' device kernels (native/include/momentum_native_kernels.h). Tensor arguments are raw handles
// (IntPtr.Zero for an absent optional tensor); callers keep the owning NativeVectors alive across the call.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(LibraryName, EntryPoint = "mm_kernel_all_finite")]
    internal static partial int KernelAllFinite(IntPtr v, out int finite);

    [LibraryImport(LibraryName, EntryPoint = "mm_kernel_sgd")]
    internal static partial int KernelSgd(IntPtr x, IntPtr g, IntPtr acc, double wd, double lr, double decay);

    [LibraryImport(LibraryName, EntryPoint = "mm_kernel_momentum")]
    internal static partial int KernelMomentum(IntPtr x, IntPtr g, IntPtr m, IntPtr acc, double wd, double a, double b, double p, double q, double decay);

    [LibraryImport(LibraryName, EntryPoint = "mm_kernel_adam")]
    internal static partial int KernelAdam(IntPtr x, IntPtr g, IntPtr m, IntPtr v, IntPtr acc, double wd, double a, double b, double beta2,
        double invSqrtBc2, double eps, double step, double decay);

    [LibraryImport(LibraryName, EntryPoint = "mm_kernel_momo_moments")]
    internal static partial int KernelMomoMoments(IntPtr x, IntPtr g, IntPtr d, IntPtr v, IntPtr dNext, IntPtr vNext, IntPtr u, double a, double b, double beta2, double invSqrtBc2,
        double eps, double* sums);

    [LibraryImport(LibraryName, EntryPoint = "mm_kernel_momo_step")]
    internal static partial int KernelMomoStep(IntPtr x, IntPtr direction, IntPtr acc, double pre, double tau, double post);

    [LibraryImport(LibraryName, EntryPoint = "mm_kernel_momo_correct")]
    internal static partial int KernelMomoCorrect(IntPtr x, IntPtr d, IntPtr v, double invSqrtBc2, double eps, double delta);

    [LibraryImport(LibraryName, EntryPoint = "mm_kernel_window_end")]
    internal static partial int KernelWindowEnd(IntPtr window, IntPtr meanPrev, IntPtr stepPrev, double scale, int hasPrev, int hasPrevStep,
        int clear, double* sums);

    [LibraryImport(LibraryName, EntryPoint = "mm_kernel_axpy")]
    internal static partial int KernelAxpy(IntPtr y, double alpha, IntPtr x);

    [LibraryImport(LibraryName, EntryPoint = "mm_kernel_scale_into")]
    internal static partial int KernelScaleInto(IntPtr destination, double alpha, IntPtr source);
}
