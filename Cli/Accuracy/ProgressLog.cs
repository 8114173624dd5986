using System.Diagnostics;
using System.Globalization;
using QuantSim.Workloads.Torch.Training;

namespace QuantSim.Cli.Accuracy;

/// <summary>Progress of a long background run as lines appended to a file (what a person polls with tail).</summary>
public sealed class ProgressLog : IProgress<TrainingProgress>
{
    private readonly string _path;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _reports;

    private ProgressLog(string path) => _path = path;

    /// <summary>A log appending to <paramref name="path"/>, or null for none.</summary>
    public static IProgress<TrainingProgress>? To(string? path) => path is null ? null : new ProgressLog(path);

    public void Report(TrainingProgress p)
    {
        if (_reports++ % 20 != 0 && p.ImagesDone != p.ImagesPerEpoch)
        {
            return;
        }

        File.AppendAllText(_path, string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:HH:mm:ss} {p.Stage} epoch {p.Epoch}/{p.Epochs} images {p.ImagesDone}/{p.ImagesPerEpoch} loss {p.Loss:0.0000} elapsed {_clock.Elapsed.TotalSeconds:0}s\n"));
    }
}
