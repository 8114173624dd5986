using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using QuantSim.Cli.Study;
using QuantSim.Datapaths.Contract;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Accuracy;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Training;

namespace QuantSim.Cli.Accuracy;

/// <summary>
/// Scored accuracies of the study, kept next to the trained checkpoints and keyed by the quantized
/// checkpoint's key (which covers model, data, training and quantization) plus the test images
/// scored, so a repeated study neither retrains nor re-scores. The checkpoint's key leaves the
/// accumulators out (training never sees them), but a score depends on them where one can wrap: the
/// layers that can are part of the score's key, so a fixed 32-bit run and an <c>auto</c> run of the
/// dequantize forms are two scores, while exact accumulators of any width share one.
/// </summary>
public sealed class StudyAccuracyCache(DataCache cache)
{
    private string Folder => Path.Combine(cache.Root, "study-accuracy");

    public static string Key(AccuracyOptions options) => CheckpointStore.Key(AccuracyRunner.ScoringVersion, string.Join('\n',
        [
            AccuracyRunner.QuantizedKey(options, AccuracyRunner.FloatKey(options)),
            "test " + (options.TestImages?.ToString(CultureInfo.InvariantCulture) ?? "all"),
            .. Wraps(options),
        ]));

    /// <summary>One line naming every layer whose accumulator can wrap (and its width), or none when all sums are exact.</summary>
    private static IEnumerable<string> Wraps(AccuracyOptions options)
    {
        var bits = options.Quantization.BitsFor(options.Model);
        var layers = options.Model.ToWorkload().Layers;
        var wraps = AccumulatorWrapCheck.Check(options.Quantization.Datapath, layers.Select((l, i) => (l.Name, bits[i], GemmView.Of(l).K, false)));
        return wraps.Count == 0 ? [] : ["wraps " + string.Join(',', wraps.Select(w => $"{w.Layer}@{w.BitsConfigured.ToString(CultureInfo.InvariantCulture)}"))];
    }

    public AccuracyPoint? TryLoad(string key)
    {
        string path = Path.Combine(Folder, key + ".json");
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(File.ReadAllText(path));
            return stored is null ? null : new AccuracyPoint(stored.Top1, stored.Low95, stored.High95, stored.FloatTop1, stored.Agreement, [.. stored.Correct.Select(c => c == '1')]);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Save(string key, AccuracyPoint point)
    {
        Directory.CreateDirectory(Folder);
        var stored = new Stored(point.Top1, point.Low95, point.High95, point.FloatTop1, point.Agreement, new string([.. point.Correct.Select(c => c ? '1' : '0')]));
        string path = Path.Combine(Folder, key + ".json");
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(stored));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private sealed record Stored(double Top1, double Low95, double High95, double FloatTop1, double Agreement, string Correct);
}
