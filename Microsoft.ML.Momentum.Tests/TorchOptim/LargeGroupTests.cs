using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Optimizers.TorchOptim;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace Microsoft.ML.Momentum.Tests.TorchOptim;

/// <summary>
/// Groups larger than the CPU kernels' chunks and than MoMo's double-buffering length, with tensors that start and
/// end inside chunks: stepped in place, they follow the flat optimizer over their concatenation bit for bit.
/// </summary>
[TestClass]
public sealed class LargeGroupTests
{
    private const int Steps = 4;

    private static IEnumerable<Func<Optimizer>> Methods()
    {
        yield return () => new SgdMomentum { LearningRate = 0.05, WeightDecay = 0.01 };
        yield return () => new Adam { LearningRate = 0.01 };
        yield return () => new Momo { LearningRate = 0.01 };
        yield return () => new Momo { LearningRate = 100, WeightDecay = 0.01 };
        yield return () => new MomoAdam { LearningRate = 0.01 };
        yield return () => new AutoDrop { Window = 1, MinBuffer = 2 }.Over(new MomoAdam { LearningRate = 100 });
    }

    [TestMethod]
    public void TensorsAcrossChunksStepAsTheirConcatenation()
    {
        // Sizes that are not multiples of a cache line, and ones that are (the streaming stores of MoMo's first pass).
        foreach (var sizes in (int[][])[[70_001, 3, 1_000_000, 65_536, 1_100_007], [131_088, 16, 2_000_000]])
        {
            foreach (var create in Methods())
            {
                var parameters = sizes.Select((n, i) => new Parameter(Values(n, i, 0.01f).DetachFromDisposeScope())).ToArray();
                try
                {
                    foreach (var (p, i) in parameters.Select((p, i) => (p, i))) p.grad = Values(sizes[i], i + 7, 0.001f).DetachFromDisposeScope();
                    var x = Concatenate(parameters, p => p);
                    var g = Concatenate(parameters, p => p.grad!);
                    using var optimizer = MomentumOptim.Create(parameters, create());
                    using var flat = create();
                    flat.Parallelism = optimizer.Groups[0].Options.Method.Parallelism;
                    for (var t = 0; t < Steps; t++)
                    {
                        optimizer.step(1.0 + t);
                        flat.Step(x, g, 1.0 + t);
                    }
                    var name = $"{flat.Name} over {string.Join('+', sizes)}";
                    CollectionAssert.AreEqual(x, Concatenate(parameters, p => p), name);
                    Assert.AreEqual(flat.Diagnostics, optimizer.Groups[0].Diagnostics, name);
                }
                finally
                {
                    foreach (var p in parameters) p.Dispose();
                }
            }
        }
    }

    /// <summary>Deterministic values of mixed sign and size.</summary>
    private static Tensor Values(int n, int seed, float scale)
    {
        using var scope = NewDisposeScope();
        return (arange(n, ScalarType.Float32).mul(0.37f + seed).sin() * scale).MoveToOuterDisposeScope();
    }

    private static float[] Concatenate(Parameter[] parameters, Func<Parameter, Tensor> select)
    {
        using var scope = NewDisposeScope();
        return [.. parameters.SelectMany(p => select(p).detach().data<float>().ToArray())];
    }
}
