using TorchSharp.Modules;

namespace Microsoft.ML.Momentum.Optimizers.TorchOptim;

public sealed partial class MomentumOptimizer
{
    /// <summary>
    /// TorchSharp keeps optimizer state per parameter; a group's state is one flat-vector optimizer's, so the group's
    /// first parameter carries it (the bytes of <see cref="Optimizer.SaveState"/>, bit-exact) and the others carry none.
    /// </summary>
    private sealed class GroupState(Parameter parameter, ParamGroup group, bool owner) : OptimizerState(parameter)
    {
        /// <summary>Nothing to allocate: the group's optimizer allocates its state at its first step.</summary>
        public override void Initialize(OptimizerOptions options)
        {
        }

        public override void SaveStateDict(BinaryWriter writer)
        {
            var bytes = owner ? Serialize() : null;
            writer.Write(bytes is not null);
            if (bytes is null) return;
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }

        public override void LoadStateDict(BinaryReader reader)
        {
            if (!reader.ReadBoolean())
            {
                if (owner) Reset();
                return;
            }
            var bytes = reader.ReadBytes(reader.ReadInt32());
            if (!owner) throw new InvalidDataException("The saved state has optimizer state for a parameter that does not start a group here.");
            Deserialize(bytes);
        }

        public override void LoadStateDict(OptimizerState source)
        {
            if (source is not GroupState other) throw new ArgumentException($"Expected the state of a {nameof(MomentumOptimizer)}, not {source.GetType().Name}.", nameof(source));
            if (!owner) return;
            if (other.Serialize() is { } bytes) Deserialize(bytes);
            else Reset();
        }

        public override bool ApproximatelyEquals(OptimizerState other)
            => other is GroupState state && (Serialize() ?? []).AsSpan().SequenceEqual(state.Serialize() ?? []);

        /// <summary>The method's saved state, or null before its first step (nothing to save yet).</summary>
        private byte[]? Serialize()
        {
            if (!owner) return null;
            var method = group.Options.Method;
            if (method.StepCount == 0 && method.Diagnostics.SkippedSteps == 0) return null;
            using var stream = new MemoryStream();
            method.SaveState(stream);
            return stream.ToArray();
        }

        private void Deserialize(byte[] bytes)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            group.Options.Method.LoadState(stream);
        }

        /// <summary>Forgets the group's state: its optimizer starts afresh, as a never-stepped one.</summary>
        private void Reset()
        {
            var fresh = group.Options.Method.Clone();
            group.Options.Method.Dispose();
            group.Options.Method = fresh;
        }
    }
}
