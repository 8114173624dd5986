namespace QuantSim.Simulator.Events;

/// <summary>
/// Numbered one-shot signals of one kind ("load 7 ready"), each behaving as a <see cref="Signal"/>: it fires once,
/// at a known cycle, waking the processes waiting on it in the order they began waiting; firing twice throws.
/// A layer of the memory system has tens of thousands of them, so a family keeps their state in arrays (one object
/// per kind instead of one per signal) and formats a signal's name only for an error report.
/// </summary>
public sealed class SignalFamily
{
    private readonly EventKernel _kernel;
    private readonly Func<int, string> _describe;
    // -1: not fired yet (cycles are never negative).
    private readonly long[] _firedAt;
    // Most signals have one waiter: it is kept in the array, and a list is made only for a second.
    private readonly Action?[] _firstWaiter;
    private Dictionary<int, List<Action>>? _moreWaiters;

    public SignalFamily(EventKernel kernel, int count, Func<int, string> describe)
    {
        _kernel = kernel;
        _describe = describe;
        _firedAt = new long[count];
        Array.Fill(_firedAt, -1);
        _firstWaiter = new Action?[count];
    }

    public int Count => _firedAt.Length;

    public string Name(int number) => _describe(number);

    public bool Fired(int number) => _firedAt[number] >= 0;

    public long? FiredAt(int number) => _firedAt[number] >= 0 ? _firedAt[number] : null;

    internal void Fire(int number)
    {
        if (_firedAt[number] >= 0)
        {
            throw new InvalidOperationException($"Signal '{Name(number)}' fired twice (first at cycle {_firedAt[number]}, again at {_kernel.Now}).");
        }

        _firedAt[number] = _kernel.Now;
        if (_firstWaiter[number] is { } first)
        {
            _kernel.ScheduleIn(0, first);
            _firstWaiter[number] = null;
        }

        if (_moreWaiters is not null && _moreWaiters.Remove(number, out var more))
        {
            foreach (var waiter in more)
            {
                _kernel.ScheduleIn(0, waiter);
            }
        }
    }

    internal void OnFire(int number, Action resume)
    {
        if (Fired(number))
        {
            _kernel.ScheduleIn(0, resume);
        }
        else if (_firstWaiter[number] is null)
        {
            _firstWaiter[number] = resume;
        }
        else
        {
            _moreWaiters ??= [];
            if (!_moreWaiters.TryGetValue(number, out var list))
            {
                _moreWaiters[number] = list = [];
            }

            list.Add(resume);
        }
    }
}
