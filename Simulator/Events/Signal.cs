namespace QuantSim.Simulator.Events;

/// <summary>
/// A one-shot condition processes can wait on (e.g. "fold 3's operands are in the buffer").
/// It fires once, at a known cycle; firing twice is a modelling bug and throws.
/// The name is only read in those error messages, so a model can pass a function that formats it when asked
/// (<see cref="Signal(EventKernel, Func{string})"/>); numbered signals of one kind are a <see cref="SignalFamily"/>.
/// </summary>
public sealed class Signal
{
    private readonly EventKernel _kernel;
    // Most signals have one waiter: it is kept in a field, and a list is made only for a second.
    private Action? _firstWaiter;
    private List<Action>? _moreWaiters;
    private readonly Func<string>? _describe;
    private string? _name;

    public Signal(EventKernel kernel, string name)
    {
        _kernel = kernel;
        _name = name;
    }

    public Signal(EventKernel kernel, Func<string> describe)
    {
        _kernel = kernel;
        _describe = describe;
    }

    public string Name => _name ??= _describe!();

    public bool Fired => FiredAt is not null;

    public long? FiredAt { get; private set; }

    public void Fire()
    {
        if (FiredAt is { } at)
        {
            throw new InvalidOperationException($"Signal '{Name}' fired twice (first at cycle {at}, again at {_kernel.Now}).");
        }

        FiredAt = _kernel.Now;
        if (_firstWaiter is { } first)
        {
            _kernel.ScheduleIn(0, first);
        }

        foreach (var waiter in _moreWaiters ?? [])
        {
            _kernel.ScheduleIn(0, waiter);
        }

        _firstWaiter = null;
        _moreWaiters = null;
    }

    internal void OnFire(Action resume)
    {
        if (Fired)
        {
            _kernel.ScheduleIn(0, resume);
        }
        else if (_firstWaiter is null)
        {
            _firstWaiter = resume;
        }
        else
        {
            (_moreWaiters ??= []).Add(resume);
        }
    }
}
