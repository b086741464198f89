using Microsoft.Win32.SafeHandles;

namespace Microsoft.ML.Momentum.Engine;

/// <summary>Owns one native <c>mm_tensor</c>; released deterministically on dispose.</summary>
internal sealed class TensorHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TensorHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        NativeMethods.TensorFree(handle);
        return true;
    }
}
