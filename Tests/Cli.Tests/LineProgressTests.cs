namespace QuantSim.Cli.Tests;

/// <summary>The study's progress lines: written before Report returns, whole, from any number of threads.</summary>
public sealed class LineProgressTests
{
    [Test]
    public void Should_Write_The_Line_Before_Report_Returns()
    {
        var writer = new StringWriter();
        new LineProgress(writer, "study: ").Report("lsq w8a8: hardware");
        Assert.That(writer.ToString(), Is.EqualTo("study: lsq w8a8: hardware" + Environment.NewLine));
    }

    [Test]
    public void Should_Keep_Every_Line_Whole_When_Threads_Report_At_Once()
    {
        // Given 4 threads reporting 2,000 lines each into one StringWriter (not thread-safe itself)
        var writer = new StringWriter();
        var progress = new LineProgress(writer, "p ");
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
        {
            for (int i = 0; i < 2000; i++)
            {
                progress.Report($"{t}:{i}");
            }
        });

        // Then every line is there once, whole, and each thread's lines are in its order
        string[] lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(8000));
        for (int t = 0; t < 4; t++)
        {
            var own = lines.Where(l => l.StartsWith($"p {t}:", StringComparison.Ordinal)).Select(l => int.Parse(l[(l.IndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
            Assert.That(own, Is.EqualTo(Enumerable.Range(0, 2000)));
        }
    }
}
