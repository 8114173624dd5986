using System.Globalization;
using QuantSim.Workloads.Torch.Training;

namespace QuantSim.Cli.Accuracy;

/// <summary>
/// Turns the trainer's per-batch progress into one line per finished epoch, so a long float training inside
/// a study (about 25 min for the batch-norm networks here) shows it is moving instead of sitting on one line.
/// Reported synchronously, on the training thread.
/// </summary>
public sealed class EpochProgressLines(IProgress<string> lines, string prefix) : IProgress<TrainingProgress>
{
    private (string Stage, int Epoch) _last;

    public void Report(TrainingProgress value)
    {
        if (value.ImagesDone < value.ImagesPerEpoch || (value.Stage, value.Epoch) == _last)
        {
            return;
        }

        _last = (value.Stage, value.Epoch);
        string loss = double.IsNaN(value.Loss) ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", loss {value.Loss:0.000}");
        lines.Report($"{prefix}: {value.Stage} {value.Epoch}/{value.Epochs} done{loss}");
    }
}
