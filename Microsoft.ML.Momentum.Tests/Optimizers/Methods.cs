using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Tests.Optimizers;

/// <summary>Every method and notable variant, each built fresh with a horizon set, for the cross-cutting tests.</summary>
internal static class Methods
{
    public static IEnumerable<(string Name, Func<Optimizer> Create)> All()
    {
        yield return ("sgd", () => new Sgd { LearningRate = 0.05 });
        yield return ("sgd-wd", () => new Sgd { LearningRate = 0.05, WeightDecay = 0.01 });
        yield return ("sgd-decoupled", () => new Sgd { LearningRate = 0.05, WeightDecay = 0.01, DecoupledWeightDecay = true });
        yield return ("sgdm-pt", () => new SgdMomentum { LearningRate = 0.05, WeightDecay = 0.01 });
        yield return ("sgdm-su", () => new SgdMomentum { LearningRate = 0.05, Form = MomentumForm.Sutskever });
        yield return ("sgdm-ema", () => new SgdMomentum { LearningRate = 0.5, Form = MomentumForm.Ema, DecoupledWeightDecay = true, WeightDecay = 0.01 });
        yield return ("nesterov", () => new SgdMomentum { LearningRate = 0.05, Nesterov = true });
        yield return ("sgdm-cosine-offafter", () => new SgdMomentum
        {
            LearningRate = 0.05,
            LearningRateSchedule = new CosineSchedule { WarmupSteps = 5 },
            MomentumSchedule = new OffAfterSchedule { After = 50 },
        });
        yield return ("adam", () => new Adam { LearningRate = 0.01, WeightDecay = 0.01 });
        yield return ("adamw", () => new AdamW { LearningRate = 0.01 });
        yield return ("demon-sgd", () => new DemonSgd { LearningRate = 0.05 });
        yield return ("demon-adam", () => new DemonAdam { LearningRate = 0.002 });
        yield return ("demon-adam-ema", () => new DemonAdam { LearningRate = 0.01, FirstMoment = AdamFirstMoment.Ema });
        yield return ("momo", () => new Momo());
        yield return ("momo-wd-bc", () => new Momo { WeightDecay = 0.01, BiasCorrection = true });
        yield return ("momo-star", () => new Momo { AdaptLowerBound = true });
        yield return ("momo-adam", () => new MomoAdam { LearningRate = 0.05 });
        yield return ("momo-adam-decoupled", () => new MomoAdam { LearningRate = 0.05, WeightDecay = 0.01, Divide = false });
        yield return ("mlnet-text", () => MlNetPresets.TextClassification(learningRate: 0.01));
        yield return ("mlnet-detection", () => MlNetPresets.ObjectDetection(learningRate: 0.05));
        yield return ("autodrop-sgdm", () => new AutoDrop { Window = 2, MinBuffer = 3, ThresholdDegrees = 5 }.Over(new SgdMomentum { LearningRate = 0.05 }));
        yield return ("autodrop-adam", () => new AutoDrop { Window = 3, MinBuffer = 3, ThresholdDegrees = 5 }.Over(new Adam { LearningRate = 0.01 }));
        yield return ("autodrop-momo", () => new AutoDrop { Window = 2, MinBuffer = 3, ThresholdDegrees = 5 }.Over(new Momo()));
        yield return ("autodrop-epoch", () => new SgdMomentum { LearningRate = 0.05, Controller = new AutoDropPerEpoch { ExtraEpochs = 2, ThresholdDegrees = 30 } });
        yield return ("plateau", () => new SgdMomentum { LearningRate = 0.05, Controller = new ReduceOnPlateau { Patience = 1 } });
    }

    public static Optimizer WithHorizon(this Optimizer optimizer)
    {
        optimizer.SetHorizon(100, 10);
        return optimizer;
    }
}
