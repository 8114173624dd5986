using QuantSim.Cli.Accuracy;
using QuantSim.Workloads.Torch.Training;

namespace QuantSim.Cli.Tests.Accuracy;

public sealed class EpochProgressLinesTests
{
    private sealed class Lines : IProgress<string>
    {
        public List<string> All { get; } = [];

        public void Report(string value) => All.Add(value);
    }

    [Test]
    public void Should_report_one_line_per_finished_epoch_of_each_stage()
    {
        // Given batches of 128 over 300 images, 2 epochs of float training, then one QAT epoch reported twice at its end.
        var lines = new Lines();
        var epochs = new EpochProgressLines(lines, "lsq w8a8 seed 1");
        foreach (int epoch in new[] { 1, 2 })
        {
            foreach (int done in new[] { 128, 256, 300 })
            {
                epochs.Report(new TrainingProgress("float training", epoch, 2, done, 300, 0.5));
            }
        }

        epochs.Report(new TrainingProgress("qat", 1, 1, 4000, 4000, 0.25));
        epochs.Report(new TrainingProgress("qat", 1, 1, 4000, 4000, 0.25));
        epochs.Report(new TrainingProgress("integer inference", 1, 1, 2000, 2000, double.NaN));

        // Then each epoch ends in exactly one line.
        Assert.That(lines.All, Is.EqualTo(new[]
        {
            "lsq w8a8 seed 1: float training 1/2 done, loss 0.500",
            "lsq w8a8 seed 1: float training 2/2 done, loss 0.500",
            "lsq w8a8 seed 1: qat 1/1 done, loss 0.250",
            "lsq w8a8 seed 1: integer inference 1/1 done",
        }));
    }
}
