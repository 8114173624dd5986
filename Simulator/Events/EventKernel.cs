namespace QuantSim.Simulator.Events;

/// <summary>
/// A discrete-event kernel over integer cycles: events in <see cref="EventKey"/> order (deterministic
/// tie-breaking), no wall clock. Components schedule callbacks or run as <see cref="SimProcess"/>
/// iterators that wait for cycles or <see cref="Signal"/>s.
/// <para>Many events are scheduled for the current cycle at the default priority (a process resuming, a
/// signal fired at once). Their keys only grow, so they wait in a first-in first-out queue instead of
/// the priority queue; the next event is the smaller of the two queues' heads, which is the order one
/// priority queue of all events would give.</para>
/// </summary>
public sealed class EventKernel
{
    // An event is an Action, a Signal to fire or a numbered signal of a family (FireAt), so firing a signal needs
    // no delegate per event.
    private readonly PriorityQueue<(object What, int Number), EventKey> _queue = new();
    // Events at cycle Now and priority 0, by sequence: scheduled while Now is their cycle, so after every
    // event of that cycle already in _queue at the same or a lower priority, and before every later one.
    private readonly Queue<(object What, int Number, long Sequence)> _current = new();
    private readonly List<SimProcess> _processes = [];
    private long _sequence;

    /// <summary>A kernel whose clock starts at <paramref name="startCycle"/> (e.g. where the previous layer ended).</summary>
    public EventKernel(long startCycle = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startCycle);
        Now = startCycle;
    }

    /// <summary>The cycle of the event being processed (or of the last one processed).</summary>
    public long Now { get; private set; }

    /// <summary>Events processed so far; exposed for tests and benchmarks.</summary>
    public long ProcessedEvents { get; private set; }

    public int PendingEvents => _queue.Count + _current.Count;

    /// <summary>Schedules <paramref name="action"/> at an absolute cycle, never in the past.</summary>
    public void ScheduleAt(long cycle, Action action, int priority = 0) => Enqueue(cycle, action, 0, priority);

    /// <summary>Fires <paramref name="signal"/> at an absolute cycle, never in the past: the same as scheduling its <see cref="Signal.Fire"/>.</summary>
    public void FireAt(long cycle, Signal signal, int priority = 0) => Enqueue(cycle, signal, 0, priority);

    /// <summary>Fires signal <paramref name="number"/> of <paramref name="family"/> at an absolute cycle, never in the past.</summary>
    public void FireAt(long cycle, SignalFamily family, int number, int priority = 0) => Enqueue(cycle, family, number, priority);

    private void Enqueue(long cycle, object what, int number, int priority)
    {
        if (cycle < Now)
        {
            throw new InvalidOperationException($"Cannot schedule an event at cycle {cycle}: the kernel is already at cycle {Now}.");
        }

        if (cycle == Now && priority == 0)
        {
            _current.Enqueue((what, number, _sequence++));
        }
        else
        {
            _queue.Enqueue((what, number), new EventKey(cycle, priority, _sequence++));
        }
    }

    public void ScheduleIn(long delay, Action action, int priority = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delay);
        ScheduleAt(Now + delay, action, priority);
    }

    /// <summary>Starts a process at the current cycle; its first step runs as an event.</summary>
    public SimProcess Start(string name, IEnumerable<Await> body)
    {
        var process = new SimProcess(this, name, body);
        _processes.Add(process);
        ScheduleIn(0, process.Resume);
        return process;
    }

    /// <summary>Processes events up to and including <paramref name="until"/>; returns the last cycle reached.</summary>
    public long Run(long until = long.MaxValue)
    {
        while (true)
        {
            (object What, int Number) what;
            bool queued = _queue.TryPeek(out _, out var key);
            if (_current.TryPeek(out var current) && (!queued || key.CompareTo(new EventKey(Now, 0, current.Sequence)) > 0))
            {
                if (Now > until)
                {
                    break;
                }

                _current.Dequeue();
                what = (current.What, current.Number);
            }
            else if (queued && key.Cycle <= until)
            {
                what = _queue.Dequeue();
                Now = key.Cycle;
            }
            else
            {
                break;
            }

            ProcessedEvents++;
            switch (what.What)
            {
                case Signal signal:
                    signal.Fire();
                    break;
                case SignalFamily family:
                    family.Fire(what.Number);
                    break;
                default:
                    ((Action)what.What)();
                    break;
            }
        }

        return Now;
    }

    /// <summary>
    /// Runs until no event is left and requires every process to have finished: a process still
    /// waiting then can never be woken, which is a modelling bug (a deadlock), not a result.
    /// </summary>
    public long RunToCompletion()
    {
        long end = Run();
        var stuck = _processes.Where(p => !p.Finished).Select(p => $"{p.Name} (waiting on {p.WaitingOn})").ToList();
        if (stuck.Count > 0)
        {
            throw new InvalidOperationException($"Deadlock at cycle {end}: {string.Join(", ", stuck)} can never resume.");
        }

        return end;
    }
}
