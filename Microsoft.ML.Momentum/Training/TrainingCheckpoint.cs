using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML.Momentum.Engine;
using Microsoft.ML.Momentum.IO;
using Microsoft.ML.Momentum.Networks;
using Microsoft.ML.Momentum.Optimizers;

namespace Microsoft.ML.Momentum.Training;

/// <summary>
/// Everything needed to resume a run exactly, in one zip: loop counters, weights (with batch-norm buffers),
/// best weights, optimizer state and libtorch's RNG state, with <see cref="ZipChecksums"/> verified on resume.
/// Written through <see cref="AtomicFile"/>, so a crash never leaves a broken one.
/// </summary>
internal static class TrainingCheckpoint
{
    private const string StateEntry = "state.json";
    private const string WeightsEntry = "weights.bin";
    private const string BestWeightsEntry = "best-weights.bin";
    private const string OptimizerEntry = "optimizer.bin";
    private const string RngEntry = "rng.bin";

    public static void Write(string path, TrainingState state, TorchModel model, string? bestWeightsFile, IOptimizer optimizer)
    {
        ZipChecksums.WriteArchive(path, entries =>
        {
            entries.Add(StateEntry, s => JsonSerializer.Serialize(s, state, TrainingJsonContext.Default.TrainingState), CompressionLevel.Fastest);
            entries.Add(WeightsEntry, model.Save, CompressionLevel.Fastest);
            if (bestWeightsFile is not null) entries.AddFile(BestWeightsEntry, bestWeightsFile, CompressionLevel.Fastest);
            entries.Add(OptimizerEntry, optimizer.SaveState, CompressionLevel.Fastest);
            entries.Add(RngEntry, s => s.Write(TorchRuntime.GetRngState()), CompressionLevel.Fastest);
        });
    }

    /// <summary>Restores model, optimizer and RNG; returns the loop state (best weights go to <paramref name="bestWeightsFile"/>).</summary>
    public static TrainingState Read(string path, string expectedFingerprint, TorchModel model, string bestWeightsFile, IOptimizer optimizer)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            ZipChecksums.Verify(zip, path);
            var state = ReadEntry(zip, path, StateEntry, s => JsonSerializer.Deserialize(s, TrainingJsonContext.Default.TrainingState))
                        ?? throw new InvalidDataException($"Checkpoint '{path}' has an empty {StateEntry}.");
            if (state.Fingerprint != expectedFingerprint)
            {
                throw new InvalidDataException(
                    $"Checkpoint '{path}' belongs to another run ({state.Fingerprint}); this run is {expectedFingerprint}. " +
                    "Delete it or point the checkpoint path elsewhere to start afresh.");
            }
            var weights = Path.GetTempFileName();
            try
            {
                Entry(zip, path, WeightsEntry).ExtractToFile(weights, overwrite: true);
                model.Load(weights);
            }
            finally
            {
                File.Delete(weights);
            }
            zip.GetEntry(BestWeightsEntry)?.ExtractToFile(bestWeightsFile, overwrite: true);
            ReadEntry<object?>(zip, path, OptimizerEntry, s => { optimizer.LoadState(s); return null; });
            ReadEntry<object?>(zip, path, RngEntry, s =>
            {
                using var buffer = new MemoryStream();
                s.CopyTo(buffer);
                TorchRuntime.SetRngState(buffer.ToArray());
                return null;
            });
            return state;
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException && e is not FileNotFoundException)
        {
            throw new InvalidDataException($"Checkpoint '{path}' cannot be resumed: {e.Message}", e);
        }
    }

    private static T ReadEntry<T>(ZipArchive zip, string path, string name, Func<Stream, T> read)
    {
        using var stream = Entry(zip, path, name).Open();
        return read(stream);
    }

    private static ZipArchiveEntry Entry(ZipArchive zip, string path, string name) =>
        zip.GetEntry(name) ?? throw new InvalidDataException($"Checkpoint '{path}' lacks its '{name}' entry.");
}
