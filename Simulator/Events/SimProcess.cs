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
    private SignalFamily? _waitFamily;
    private int _waitNumber;
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
    public string WaitingOn =>
        _waitSignal is { } signal ? signal.Name
        : _waitFamily is { } family ? family.Name(_waitNumber)
        : _waitUntil is { } until ? $"a delay until cycle {until}" : "nothing";

    internal void Resume()
    {
        _waitSignal = null;
        _waitFamily = null;
        _waitUntil = null;
        if (!_body.MoveNext())
        {
            Finished = true;
            _body.Dispose();
            return;
        }

        var wait = _body.Current;
        if (wait.Signal is { } signal)
        {
            _waitSignal = signal;
            signal.OnFire(_resume);
        }
        else if (wait.Family is { } family)
        {
            _waitFamily = family;
            _waitNumber = wait.Number;
            family.OnFire(wait.Number, _resume);
        }
        else
        {
            _waitUntil = _kernel.Now + wait.Cycles;
            _kernel.ScheduleIn(wait.Cycles, _resume);
        }
    }
}
