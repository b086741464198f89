using System.Text.Json.Serialization;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>Source-generated JSON metadata for optimizers, schedules and controllers (trimming- and AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(Optimizer))]
[JsonSerializable(typeof(Schedule))]
[JsonSerializable(typeof(LearningRateController))]
internal sealed partial class MomentumJsonContext : JsonSerializerContext;
