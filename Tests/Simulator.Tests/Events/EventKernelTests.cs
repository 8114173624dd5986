using QuantSim.Simulator.Events;

namespace QuantSim.Simulator.Tests.Events;

public sealed class EventKernelTests
{
    [Test]
    public void Should_Process_By_Cycle_Then_Priority_Then_Scheduling_Order()
    {
        // Given events scheduled out of order, with ties on cycle and on priority
        var kernel = new EventKernel();
        var log = new List<string>();
        kernel.ScheduleAt(5, () => log.Add("c5-p0-first"));
        kernel.ScheduleAt(2, () => log.Add("c2"));
        kernel.ScheduleAt(5, () => log.Add("c5-p-1"), priority: -1);
        kernel.ScheduleAt(5, () => log.Add("c5-p0-second"));

        // When run
        long end = kernel.Run();

        // Then the order is cycle, priority, FIFO
        Assert.That(log, Is.EqualTo(new[] { "c2", "c5-p-1", "c5-p0-first", "c5-p0-second" }));
        Assert.That(end, Is.EqualTo(5));
        Assert.That(kernel.ProcessedEvents, Is.EqualTo(4));
    }

    [Test]
    public void Should_Stop_At_The_Given_Cycle_And_Resume_Later()
    {
        var kernel = new EventKernel();
        var seen = new List<long>();
        foreach (long c in new long[] { 1, 3, 7 })
        {
            kernel.ScheduleAt(c, () => seen.Add(kernel.Now));
        }

        kernel.Run(until: 3);
        Assert.That(seen, Is.EqualTo(new long[] { 1, 3 }));

        kernel.Run();
        Assert.That(seen, Is.EqualTo(new long[] { 1, 3, 7 }));
    }

    [Test]
    public void Should_Refuse_To_Schedule_In_The_Past()
    {
        var kernel = new EventKernel();
        kernel.ScheduleAt(10, () => { });
        kernel.Run();

        Assert.Throws<InvalidOperationException>(() => kernel.ScheduleAt(9, () => { }));
    }

    [Test]
    public void Should_Run_Processes_That_Wait_For_Delays_And_Signals()
    {
        // Given a producer that fires a signal after 4 cycles and a consumer that waits for it, then 3 more
        var kernel = new EventKernel();
        var ready = new Signal(kernel, "ready");
        long consumerDone = -1;

        IEnumerable<Await> Producer()
        {
            yield return Await.Delay(4);
            ready.Fire();
        }

        IEnumerable<Await> Consumer()
        {
            yield return Await.For(ready);
            yield return Await.Delay(3);
            consumerDone = kernel.Now;
        }

        kernel.Start("consumer", Consumer());
        kernel.Start("producer", Producer());

        // When run to completion: 4 (producer) + 3 (consumer) = 7
        long end = kernel.RunToCompletion();

        Assert.That(consumerDone, Is.EqualTo(7));
        Assert.That(end, Is.EqualTo(7));
        Assert.That(ready.FiredAt, Is.EqualTo(4));
    }

    [Test]
    public void Should_Resume_At_Once_On_A_Signal_That_Already_Fired()
    {
        var kernel = new EventKernel();
        var done = new Signal(kernel, "done");
        long resumedAt = -1;
        kernel.ScheduleAt(2, done.Fire);

        IEnumerable<Await> Late()
        {
            yield return Await.Delay(5);
            yield return Await.For(done);
            resumedAt = kernel.Now;
        }

        kernel.Start("late", Late());
        kernel.RunToCompletion();

        Assert.That(resumedAt, Is.EqualTo(5));
    }

    [Test]
    public void Should_Wake_Every_Waiter_Of_A_Signal_In_The_Order_They_Began_Waiting()
    {
        // Three processes wait on one signal (the first is kept apart from the rest inside the signal)
        var kernel = new EventKernel();
        var go = new Signal(kernel, "go");
        var order = new List<string>();

        IEnumerable<Await> Waiter(string name)
        {
            yield return Await.For(go);
            order.Add($"{name}@{kernel.Now}");
        }

        kernel.Start("a", Waiter("a"));
        kernel.Start("b", Waiter("b"));
        kernel.Start("c", Waiter("c"));
        kernel.ScheduleAt(6, go.Fire);
        kernel.RunToCompletion();

        Assert.That(order, Is.EqualTo(new[] { "a@6", "b@6", "c@6" }));
    }

    [Test]
    public void Should_Name_A_Signal_Described_Lazily_And_A_Delay_In_A_Deadlock_Report()
    {
        var kernel = new EventKernel();
        int formatted = 0;
        var never = new Signal(kernel, () => { formatted++; return "load 7 (Ifmap) ready"; });

        IEnumerable<Await> Stuck()
        {
            yield return Await.Delay(2);
            yield return Await.For(never);
        }

        var process = kernel.Start("array", Stuck());
        kernel.Run(0);
        Assert.That(process.WaitingOn, Is.EqualTo("a delay until cycle 2"));
        Assert.That(formatted, Is.EqualTo(0), "nothing asked for the name yet");

        var ex = Assert.Throws<InvalidOperationException>(() => kernel.RunToCompletion());
        Assert.That(ex!.Message, Is.EqualTo("Deadlock at cycle 2: array (waiting on load 7 (Ifmap) ready) can never resume."));
    }

    [Test]
    public void Should_Report_A_Deadlock_Naming_The_Waiting_Process_And_Signal()
    {
        var kernel = new EventKernel();
        var never = new Signal(kernel, "fold 3 operands");

        IEnumerable<Await> Stuck()
        {
            yield return Await.For(never);
        }

        kernel.Start("array", Stuck());

        var ex = Assert.Throws<InvalidOperationException>(() => kernel.RunToCompletion());
        Assert.That(ex!.Message, Is.EqualTo("Deadlock at cycle 0: array (waiting on fold 3 operands) can never resume."));
    }

    [Test]
    public void Should_Refuse_To_Fire_A_Signal_Twice()
    {
        var kernel = new EventKernel();
        var signal = new Signal(kernel, "s");
        signal.Fire();

        Assert.Throws<InvalidOperationException>(signal.Fire);
    }

    [Test]
    public void Should_Fire_A_Signal_At_Its_Cycle_In_Scheduling_Order_With_Actions()
    {
        // FireAt is ScheduleAt(cycle, signal.Fire) without the delegate: same cycle, same tie-breaking by order.
        var kernel = new EventKernel();
        var order = new List<string>();
        var signal = new Signal(kernel, "s");

        IEnumerable<Await> Waiter()
        {
            yield return Await.For(signal);
            order.Add($"woken@{kernel.Now}");
        }

        kernel.Start("waiter", Waiter());
        kernel.ScheduleAt(4, () => order.Add("before@4"));
        kernel.FireAt(4, signal);
        kernel.ScheduleAt(4, () => order.Add($"after@4 fired={signal.Fired}"));
        kernel.RunToCompletion();

        Assert.That(order, Is.EqualTo(new[] { "before@4", "after@4 fired=True", "woken@4" }));
        Assert.That(signal.FiredAt, Is.EqualTo(4));
    }

    [Test]
    public void Should_Refuse_To_Fire_A_Signal_In_The_Past()
    {
        var kernel = new EventKernel(10);
        Assert.Throws<InvalidOperationException>(() => kernel.FireAt(9, new Signal(kernel, "s")));
    }

    // The kernel keeps events of the current cycle at priority 0 apart from the others; its order must stay that of
    // one queue ordered by (cycle, priority, scheduling order), here a list searched for its minimum.
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Should_Process_Events_Scheduled_While_Running_In_The_Order_Of_One_Queue(int seed)
    {
        // Given events that schedule 0-2 more each (1.33 on average, so the run reaches all 400), at 0-2 cycles ahead (mostly the current cycle) and priorities -1..1
        var plan = new Random(seed);
        var children = new List<(int Delay, int Priority)>[400];
        for (int e = 0; e < children.Length; e++)
        {
            int count = plan.Next(6) switch { 0 => 0, < 3 => 1, _ => 2 };
            children[e] = Enumerable.Range(0, count).Select(_ => (plan.Next(4) == 0 ? plan.Next(1, 3) : 0, plan.Next(5) == 0 ? plan.Next(-1, 2) : 0)).ToList();
        }

        // When the kernel runs them, and when a single list ordered by EventKey does
        var kernel = new EventKernel();
        var processed = new List<int>();
        int next = 0;
        void Schedule(long cycle, int priority)
        {
            int id = next++;
            if (id < children.Length)
            {
                kernel.ScheduleAt(cycle, () =>
                {
                    processed.Add(id);
                    foreach (var (delay, p) in children[id])
                    {
                        Schedule(kernel.Now + delay, p);
                    }
                }, priority);
            }
        }

        for (int root = 0; root < 5; root++)
        {
            Schedule(root % 2, 0);
        }

        kernel.Run();

        var expected = new List<int>();
        var pending = new List<(EventKey Key, int Id)>();
        long sequence = 0, now = 0;
        int made = 0;
        void Add(long cycle, int priority)
        {
            if (made < children.Length)
            {
                pending.Add((new EventKey(cycle, priority, sequence++), made++));
            }
        }

        for (int root = 0; root < 5; root++)
        {
            Add(root % 2, 0);
        }

        while (pending.Count > 0)
        {
            var first = pending.MinBy(x => x.Key);
            pending.Remove(first);
            now = first.Key.Cycle;
            expected.Add(first.Id);
            foreach (var (delay, p) in children[first.Id])
            {
                Add(now + delay, p);
            }
        }

        // Then both process the same events in the same order
        Assert.That(processed, Has.Count.GreaterThan(50));
        Assert.That(processed, Is.EqualTo(expected));
    }
}
