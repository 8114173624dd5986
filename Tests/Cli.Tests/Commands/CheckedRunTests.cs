using QuantSim.Cli.Commands;
using QuantSim.Input;

namespace QuantSim.Cli.Tests.Commands;

/// <summary>A check run beside the work it guards keeps its precedence: its errors win, and it stops the work.</summary>
public sealed class CheckedRunTests
{
    [Test]
    public void Should_Return_Both_When_Both_Succeed()
    {
        var (result, passed) = CheckedRun.Run(_ => "simulated", () => "table");
        Assert.That((result, passed), Is.EqualTo(("simulated", "table")));
    }

    [Test]
    public void Should_Report_The_Checks_Error_When_Only_The_Check_Fails()
    {
        var error = new InputException(new InputError("a.yaml", 3, 1, "technology.cost_table", "unknown cost table"));
        var thrown = Assert.Throws<InputException>(() => CheckedRun.Run<string, string>(_ => "simulated", () => throw error));
        Assert.That(thrown, Is.SameAs(error));
    }

    [Test]
    public void Should_Report_The_Checks_Error_When_Both_Fail()
    {
        // The work fails after the check failed; the check's error is what the run reports.
        var error = new InputException(new InputError("a.yaml", 3, 1, "technology.cost_table", "unknown cost table"));
        using var checkFailed = new ManualResetEventSlim();
        var thrown = Assert.Throws<InputException>(() => CheckedRun.Run<string, string>(
            _ =>
            {
                checkFailed.Wait(TimeSpan.FromSeconds(30));
                throw new InvalidOperationException("the work's own failure");
            },
            () =>
            {
                checkFailed.Set();
                throw error;
            }));
        Assert.That(thrown, Is.SameAs(error));
    }

    [Test]
    public void Should_Report_The_Works_Error_When_The_Check_Passes()
    {
        var thrown = Assert.Throws<InvalidOperationException>(() => CheckedRun.Run<string, string>(_ => throw new InvalidOperationException("work failed"), () => "table"));
        Assert.That(thrown!.Message, Is.EqualTo("work failed"));
    }

    [Test]
    public void Should_Stop_The_Work_When_The_Check_Fails()
    {
        // The work polls its token the way the simulator does between layers; a failed check cancels it.
        var error = new InputException(new InputError("a.yaml", 3, 1, "technology.cost_table", "unknown cost table"));
        bool stopped = false;
        Assert.Throws<InputException>(() => CheckedRun.Run<string, string>(
            stop =>
            {
                stopped = stop.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                stop.ThrowIfCancellationRequested();
                return "simulated";
            },
            () => throw error));
        Assert.That(stopped, Is.True);
    }
}
