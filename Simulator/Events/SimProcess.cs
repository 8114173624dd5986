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
    private readonly Action _resume;
    private Signal? _waitSignal;
    private long? _waitUntil;

    internal SimProcess(EventKernel kernel, string name, IEnumerable<Await> body)
    {
        _kernel = kernel;
        Name = name;
        _body = body.GetEnumerator();
        // One delegate for every wake-up, and the wait described only when a report asks for it.
        _resume = Resume;
    }

    public string Name { get; }

    public bool Finished { get; private set; }

    /// <summary>The signal this process is blocked on, for deadlock reports.</summary>
    public string WaitingOn => _waitSignal is { } signal ? signal.Name : _waitUntil is { } until ? $"a delay until cycle {until}" : "nothing";

    internal void Resume()
    {
        if (!_body.MoveNext())
        {
            Finished = true;
            _waitSignal = null;
            _waitUntil = null;
            _body.Dispose();
            return;
        }

        var wait = _body.Current;
        if (wait.Signal is { } signal)
        {
            _waitSignal = signal;
            _waitUntil = null;
            signal.OnFire(_resume);
        }
        else
        {
            _waitSignal = null;
            _waitUntil = _kernel.Now + wait.Cycles;
            _kernel.ScheduleIn(wait.Cycles, _resume);
        }
    }
}
