namespace QuantSim.Simulator.Events;

/// <summary>
/// A one-shot condition processes can wait on (e.g. "fold 3's operands are in the buffer").
/// It fires once, at a known cycle; firing twice is a modelling bug and throws.
/// </summary>
public sealed class Signal(EventKernel kernel, string name)
{
    private readonly List<Action> _waiters = [];

    public string Name { get; } = name;

    public bool Fired => FiredAt is not null;

    public long? FiredAt { get; private set; }

    public void Fire()
    {
        if (FiredAt is { } at)
        {
            throw new InvalidOperationException($"Signal '{Name}' fired twice (first at cycle {at}, again at {kernel.Now}).");
        }

        FiredAt = kernel.Now;
        foreach (var waiter in _waiters)
        {
            kernel.ScheduleIn(0, waiter);
        }

        _waiters.Clear();
    }

    internal void OnFire(Action resume)
    {
        if (Fired)
        {
            kernel.ScheduleIn(0, resume);
        }
        else
        {
            _waiters.Add(resume);
        }
    }
}
