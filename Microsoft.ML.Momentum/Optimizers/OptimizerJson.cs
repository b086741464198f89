using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.ML.Momentum.Schedules;

namespace Microsoft.ML.Momentum.Optimizers;

/// <summary>
/// The registry of optimizers, schedules and controllers by name, and their JSON form (System.Text.Json,
/// camelCase, a <c>"name"</c> discriminator, unknown fields rejected with the field's JSON path). Code, config
/// files and the CLI configure the same objects, and the JSON round-trips:
/// <code>{"name":"sgdMomentum","learningRate":0.1,"momentum":0.9,"nesterov":true,
///  "learningRateSchedule":{"name":"cosine","warmupSteps":500},
///  "controller":{"name":"autoDrop","window":64}}</code>
/// To embed an optimizer in a larger configuration, add <see cref="TypeInfoResolver"/> to that serializer's
/// resolvers and set <c>UnmappedMemberHandling = Disallow</c>.
/// </summary>
public static class OptimizerJson
{
    private static readonly Dictionary<string, Func<Optimizer>> OptimizerFactories = new(StringComparer.Ordinal)
    {
        ["sgd"] = () => new Sgd(),
        ["sgdMomentum"] = () => new SgdMomentum(),
        ["demonSgd"] = () => new DemonSgd(),
        ["adam"] = () => new Adam(),
        ["adamW"] = () => new AdamW(),
        ["demonAdam"] = () => new DemonAdam(),
        ["momo"] = () => new Momo(),
        ["momoAdam"] = () => new MomoAdam(),
    };

    /// <summary>The metadata resolver for <see cref="Optimizer"/>, <see cref="Schedule"/> and <see cref="LearningRateController"/>.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => MomentumJsonContext.Default;

    /// <summary>The serializer options used here (camelCase, unknown fields rejected, enums as strings, indented).</summary>
    public static JsonSerializerOptions Options => MomentumJsonContext.Default.Options;

    /// <summary>Names of every optimizer (the JSON <c>"name"</c> values).</summary>
    public static IReadOnlyList<string> OptimizerNames { get; } = NamesOf(typeof(Optimizer));

    /// <summary>Names of every schedule.</summary>
    public static IReadOnlyList<string> ScheduleNames { get; } = NamesOf(typeof(Schedule));

    /// <summary>Names of every learning-rate controller.</summary>
    public static IReadOnlyList<string> ControllerNames { get; } = NamesOf(typeof(LearningRateController));

    /// <summary>A new optimizer of the named method with its default hyper-parameters.</summary>
    /// <param name="name">A name from <see cref="OptimizerNames"/>, e.g. "adamW".</param>
    public static Optimizer Create(string name)
        => OptimizerFactories.TryGetValue(name, out var factory)
            ? factory()
            : throw new ArgumentException($"Unknown optimizer '{name}'. Known: {string.Join(", ", OptimizerNames)}.", nameof(name));

    /// <summary>Reads an optimizer configuration; errors name the offending JSON path.</summary>
    /// <param name="json">The JSON text.</param>
    public static Optimizer Deserialize(string json) => Read(json, MomentumJsonContext.Default.Optimizer, "optimizer");

    /// <summary>Writes an optimizer configuration (not its runtime state).</summary>
    /// <param name="optimizer">The optimizer.</param>
    public static string Serialize(Optimizer optimizer) => JsonSerializer.Serialize(optimizer, MomentumJsonContext.Default.Optimizer);

    /// <summary>Reads a schedule; errors name the offending JSON path.</summary>
    /// <param name="json">The JSON text.</param>
    public static Schedule DeserializeSchedule(string json) => Read(json, MomentumJsonContext.Default.Schedule, "schedule");

    /// <summary>Writes a schedule.</summary>
    /// <param name="schedule">The schedule.</param>
    public static string SerializeSchedule(Schedule schedule) => JsonSerializer.Serialize(schedule, MomentumJsonContext.Default.Schedule);

    /// <summary>Reads a learning-rate controller; errors name the offending JSON path.</summary>
    /// <param name="json">The JSON text.</param>
    public static LearningRateController DeserializeController(string json)
        => Read(json, MomentumJsonContext.Default.LearningRateController, "controller");

    /// <summary>Writes a learning-rate controller.</summary>
    /// <param name="controller">The controller.</param>
    public static string SerializeController(LearningRateController controller)
        => JsonSerializer.Serialize(controller, MomentumJsonContext.Default.LearningRateController);

    /// <summary>The registry name of an optimizer type.</summary>
    internal static string NameOf(Type type)
        => typeof(Optimizer).GetCustomAttributes<JsonDerivedTypeAttribute>().FirstOrDefault(a => a.DerivedType == type)?.TypeDiscriminator as string
           ?? type.Name;

    private static T Read<T>(string json, JsonTypeInfo<T> info, string what)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, info) ?? throw new JsonException($"The {what} configuration is null.", "$", 0, 0);
        }
        catch (JsonException e)
        {
            var path = e.Path ?? "$";
            throw new JsonException($"Invalid {what} configuration at {path}: {FirstSentence(e.Message)}", path, e.LineNumber, e.BytePositionInLine, e);
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"Invalid {what} configuration: {e.Message}", e.ParamName, null, null, e);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static string[] NamesOf(Type baseType)
        => baseType.GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (string)a.TypeDiscriminator!).ToArray();
}
