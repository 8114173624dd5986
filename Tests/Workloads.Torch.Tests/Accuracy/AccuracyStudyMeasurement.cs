using System.Globalization;
using System.Text.Json;
using QuantSim.Workloads.Torch.Accuracy;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Quantization;
using QuantSim.Workloads.Torch.Training;

namespace QuantSim.Workloads.Torch.Tests.Accuracy;

/// <summary>
/// The full-size accuracy study behind the README table (tens of minutes of CPU): never part of CI, run
/// explicitly with
/// <c>QUANTSIM_STUDY_OUT=DIR dotnet test Tests/Workloads.Torch.Tests -c Release --filter "FullyQualifiedName~AccuracyStudyMeasurement.Mnist"</c>
/// (or <c>.FashionMnist</c>). Each result is appended to <c>DIR/NAME.jsonl</c> as soon as it exists and the
/// Markdown table is rewritten, so an interrupted study keeps what it measured; checkpoints are cached, so a
/// rerun only scores.
/// </summary>
[Explicit("full-size study, tens of minutes")]
public sealed class AccuracyStudyMeasurement
{
    [Test]
    public void Mnist() => Study("mnist", ModelArchitecture.LeNet5, DatasetName.Mnist, Variants.All, [8, 4, 3, 2], ptqBits: [8, 4]);

    [Test]
    public void FashionMnist() => Study("fashion-mnist", ModelArchitecture.SmallCnn, DatasetName.FashionMnist,
        ["lsq", "fixed-point"], [8, 4], ptqBits: []);

    private static void Study(string name, ModelArchitecture model, DatasetName dataset, IEnumerable<string> variants, int[] bits, int[] ptqBits)
    {
        string folder = Environment.GetEnvironmentVariable("QUANTSIM_STUDY_OUT") ?? Path.Combine(Path.GetTempPath(), "quantsim-study");
        Directory.CreateDirectory(folder);
        string jsonl = Path.Combine(folder, name + ".jsonl");
        var runner = new AccuracyRunner();
        var results = new List<AccuracyResult>();
        var log = new Progress(Path.Combine(folder, name + ".progress"));
        var cells = bits.SelectMany(b => variants.Select(v => (Bits: b, Variant: v, Ptq: false)))
            .Concat(ptqBits.SelectMany(b => variants.Select(v => (Bits: b, Variant: v, Ptq: true))));
        int skipped = 0;
        foreach (var (b, variant, ptq) in cells)
        {
            var options = new AccuracyOptions(model, dataset, Variants.Config(variant, b)) { PostTrainingOnly = ptq };
            string label = $"{variant} w{b}a{b}{(ptq ? " PTQ" : string.Empty)}";
            if (options.Quantization.Problems(model).FirstOrDefault() is { } problem)
            {
                // The plug-in cannot run it (e.g. 3 bits on the bit-composable PE): a dash in the table.
                File.AppendAllText(Path.Combine(folder, name + ".timing"), $"{label}: not run, {problem}\n");
                skipped++;
                continue;
            }

            var started = DateTime.UtcNow;
            AccuracyResult result = runner.Run(options, log);
            double seconds = (DateTime.UtcNow - started).TotalSeconds;
            results.Add(result);
            File.AppendAllText(jsonl, JsonSerializer.Serialize(result) + "\n");
            File.AppendAllText(Path.Combine(folder, name + ".timing"), string.Create(CultureInfo.InvariantCulture,
                $"{label}: {seconds:F1} s, float images {result.FloatImagesTrained}, qat images {result.QatImagesTrained}\n"));
            File.WriteAllText(Path.Combine(folder, name + ".md"), AccuracyTable.ToMarkdown(results));
        }

        Assert.That(results, Has.Count.EqualTo(variants.Count() * (bits.Length + ptqBits.Length) - skipped));
    }

    /// <summary>Appends one line per 20 batches, so a long run can be watched with <c>tail -f</c>.</summary>
    private sealed class Progress(string path) : IProgress<TrainingProgress>
    {
        private int _reports;

        public void Report(TrainingProgress value)
        {
            if (_reports++ % 20 == 0 || value.ImagesDone == value.ImagesPerEpoch)
            {
                File.AppendAllText(path, string.Create(CultureInfo.InvariantCulture,
                    $"{DateTime.UtcNow:HH:mm:ss} {value.Stage} epoch {value.Epoch}/{value.Epochs} {value.ImagesDone}/{value.ImagesPerEpoch} loss {value.Loss:F4}\n"));
            }
        }
    }
}
