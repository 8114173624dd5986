namespace QuantSim.Simulator.Events;

/// <summary>
/// A component's behaviour written top-down as an iterator of <see cref="Await"/>s
/// (SimSharp-style processes, without threads): each yield suspends it until the delay
/// passes or the signal fires.
/// </summary>
public sealed class SimProcess
{
    private readonly EventKernel _kernel;
    private readonly IEnumerator<Await> _body;

    internal SimProcess(EventKernel kernel, string name, IEnumerable<Await> body)
    {
        _kernel = kernel;
        Name = name;
        _body = body.GetEnumerator();
    }

    public string Name { get; }

    public bool Finished { get; private set; }

    /// <summary>The signal this process is blocked on, for deadlock reports.</summary>
    public string WaitingOn { get; private set; } = "nothing";

    internal void Resume()
    {
        if (!_body.MoveNext())
        {
            Finished = true;
            WaitingOn = "nothing";
            _body.Dispose();
            return;
        }

        var wait = _body.Current;
        if (wait.Signal is { } signal)
        {
            WaitingOn = signal.Name;
            signal.OnFire(Resume);
        }
        else
        {
            WaitingOn = $"a delay until cycle {_kernel.Now + wait.Cycles}";
            _kernel.ScheduleIn(wait.Cycles, Resume);
        }
    }
}
