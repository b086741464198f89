using Microsoft.Win32.SafeHandles;

namespace Microsoft.ML.Momentum.Engine;

/// <summary>Owns one native <c>mm_model</c>; released deterministically on dispose.</summary>
internal sealed class ModelHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ModelHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        NativeMethods.ModelFree(handle);
        return true;
    }
}
