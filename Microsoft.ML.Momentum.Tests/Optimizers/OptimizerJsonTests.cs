using System.Text.Json;
using Microsoft.ML.Momentum.Optimizers;
using Microsoft.ML.Momentum.Schedules;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Microsoft.ML.Momentum.Tests.Optimizers;

[TestClass]
public sealed class OptimizerJsonTests
{
    [TestMethod]
    public void ComputedPropertiesAreNotWrittenSoTheJsonCanBePastedIntoAConfig()
    {
        var json = OptimizerJson.Serialize(new Momo { LearningRateSchedule = new CosineSchedule(), MomentumSchedule = new DemonSchedule() });
        Assert.DoesNotContain("requiresLoss", json);
        Assert.DoesNotContain("needsHorizon", json);
        StringAssert.Contains(json, "\"name\": \"cosine\"");
    }

    [TestMethod]
    public void EveryOptimizerRoundTrips()
    {
        var problem = new LeastSquares();
        foreach (var (name, create) in Methods.All())
        {
            var original = create();
            var json = OptimizerJson.Serialize(original);
            var restored = OptimizerJson.Deserialize(json);
            Assert.AreEqual(original.GetType(), restored.GetType(), name);
            Assert.AreEqual(json, OptimizerJson.Serialize(restored), $"{name}: second round trip differs");
            // Same configuration → same trajectory.
            CollectionAssert.AreEqual(Run.Cpu(original.WithHorizon(), problem, 30), Run.Cpu(restored.WithHorizon(), problem, 30), name);
        }
    }

    [TestMethod]
    public void EveryRegisteredNameCanBeCreatedAndRoundTrips()
    {
        CollectionAssert.AreEquivalent(new[] { "sgd", "sgdMomentum", "demonSgd", "adam", "adamW", "demonAdam", "momo", "momoAdam" }, OptimizerJson.OptimizerNames.ToArray());
        foreach (var name in OptimizerJson.OptimizerNames)
        {
            var optimizer = OptimizerJson.Create(name);
            Assert.AreEqual(name, optimizer.Name);
            var json = OptimizerJson.Serialize(optimizer);
            StringAssert.Contains(json, $"\"name\": \"{name}\"");
            Assert.AreEqual(json, OptimizerJson.Serialize(OptimizerJson.Deserialize(json)));
        }
        Assert.ThrowsExactly<ArgumentException>(() => OptimizerJson.Create("adagrad"));
    }

    [TestMethod]
    public void EveryScheduleAndControllerRoundTrips()
    {
        Schedule[] schedules =
        [
            new ConstantSchedule(), new StepSchedule { StepSize = 3, Gamma = 0.5, Unit = ScheduleUnit.Epoch }, new MultiStepSchedule { Milestones = [2, 7] },
            new ExponentialSchedule { Gamma = 0.9 }, new LinearSchedule { EndFactor = 0.1, Length = 30 }, new CosineSchedule { WarmupFraction = 0.1, MinFactor = 0.01 },
            new OneCycleSchedule { Anneal = AnnealStrategy.Linear, ThreePhase = true }, new OneCycleMomentumSchedule { BaseMomentum = 0.8 },
            new DemonSchedule { DelaySteps = 5, ClampAtZero = false }, new OffAfterSchedule { After = 1, Unit = ScheduleUnit.Epoch },
        ];
        CollectionAssert.AreEquivalent(schedules.Select(s => OptimizerJson.SerializeSchedule(s).Split('"')[3]).ToArray(), OptimizerJson.ScheduleNames.ToArray());
        var context = new ScheduleContext(0.9, new TrainingHorizon(100, 10));
        foreach (var schedule in schedules)
        {
            var json = OptimizerJson.SerializeSchedule(schedule);
            var restored = OptimizerJson.DeserializeSchedule(json);
            Assert.AreEqual(json, OptimizerJson.SerializeSchedule(restored));
            for (var t = 0; t < 100; t += 7) Assert.AreEqual(schedule.ValueAt(t, context), restored.ValueAt(t, context), json);
        }
        LearningRateController[] controllers = [new AutoDrop { Window = 32 }, new AutoDropPerEpoch { WeightAveraging = false }, new ReduceOnPlateau { Goal = MetricGoal.Maximize }];
        foreach (var controller in controllers)
        {
            var json = OptimizerJson.SerializeController(controller);
            Assert.AreEqual(json, OptimizerJson.SerializeController(OptimizerJson.DeserializeController(json)));
        }
    }

    [TestMethod]
    public void ReadsACamelCaseConfiguration()
    {
        var optimizer = OptimizerJson.Deserialize("""
            {"learningRate": 0.1, "name": "sgdMomentum", "momentum": 0.8, "nesterov": true, "form": "Sutskever",
             "learningRateSchedule": {"name": "cosine", "warmupSteps": 500},
             "controller": {"name": "autoDrop", "window": 64, "factor": 0.9}}
            """);
        var sgd = (SgdMomentum)optimizer;
        Assert.AreEqual(0.1, sgd.LearningRate);
        Assert.AreEqual(0.8, sgd.Momentum);
        Assert.IsTrue(sgd.Nesterov);
        Assert.AreEqual(MomentumForm.Sutskever, sgd.Form);
        Assert.AreEqual(500L, ((CosineSchedule)sgd.LearningRateSchedule!).WarmupSteps);
        Assert.AreEqual(0.9, ((AutoDrop)sgd.Controller!).Factor);
    }

    [TestMethod]
    public void AnUnknownFieldIsRejectedWithItsPath()
    {
        var error = Assert.ThrowsExactly<JsonException>(() => OptimizerJson.Deserialize("""{"name":"adam","beta3":0.5}"""));
        Assert.AreEqual("$.beta3", error.Path);
        StringAssert.Contains(error.Message, "$.beta3");
        var nested = Assert.ThrowsExactly<JsonException>(() => OptimizerJson.Deserialize("""{"name":"adam","learningRateSchedule":{"name":"cosine","warmup":3}}"""));
        StringAssert.Contains(nested.Message, "$.learningRateSchedule.warmup");
    }

    [TestMethod]
    public void AnUnknownNameOrBadValueIsRejected()
    {
        var unknown = Assert.ThrowsExactly<JsonException>(() => OptimizerJson.Deserialize("""{"name":"adagrad"}"""));
        StringAssert.Contains(unknown.Message, "adagrad");
        var range = Assert.ThrowsExactly<JsonException>(() => OptimizerJson.Deserialize("""{"name":"sgdMomentum","momentum":1.5}"""));
        StringAssert.Contains(range.Message, "Momentum");
        StringAssert.Contains(range.Message, "[0, 1)");
        var type = Assert.ThrowsExactly<JsonException>(() => OptimizerJson.Deserialize("""{"name":"sgdMomentum","momentum":"high"}"""));
        StringAssert.Contains(type.Message, "$.momentum");
    }

    [TestMethod]
    public void EmbedsInALargerConfiguration()
    {
        var options = new JsonSerializerOptions(OptimizerJson.Options);
        var optimizer = JsonSerializer.Deserialize("""{"name":"momo","learningRate":2}""", (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Optimizer>)options.GetTypeInfo(typeof(Optimizer)));
        Assert.AreEqual(2.0, optimizer!.LearningRate);
    }
}
