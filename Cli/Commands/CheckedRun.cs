using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace QuantSim.Cli.Commands;

/// <summary>
/// Work that starts while a check of its inputs still runs beside it on the second core (simulate's cost-table
/// rules need only the config and the workload, and took about 40 ms of a 0.35 s run before the first cycle).
/// The check keeps its precedence: when it fails, the work is stopped at its next cancellation point, and the
/// check's errors are what the caller gets, also when the work failed as well. Nothing of the work's result
/// reaches the caller unless the check passed.
/// </summary>
internal static class CheckedRun
{
    public static (TResult Result, TChecked Checked) Run<TResult, TChecked>(Func<CancellationToken, TResult> work, Func<TChecked> check)
        where TResult : class
    {
        using var stop = new CancellationTokenSource();
        var checking = Task.Run(() =>
        {
            try
            {
                return check();
            }
            catch
            {
                stop.Cancel();
                throw;
            }
        });

        TResult? result = null;
        ExceptionDispatchInfo? failure = null;
        try
        {
            result = work(stop.Token);
        }
        catch (Exception ex)
        {
            failure = ExceptionDispatchInfo.Capture(ex);
        }

        // The check's own exception, unwrapped (an input error stays an input error, exit 2).
        var passed = checking.GetAwaiter().GetResult();
        failure?.Throw();
        return (result ?? throw new UnreachableException("The work neither returned nor failed."), passed);
    }
}
