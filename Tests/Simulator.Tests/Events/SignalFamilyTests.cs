using QuantSim.Simulator.Events;

namespace QuantSim.Simulator.Tests.Events;

/// <summary>A numbered signal of a family behaves as a <see cref="Signal"/> of its own (EventKernelTests' cases, by number).</summary>
public sealed class SignalFamilyTests
{
    [Test]
    public void Should_Wake_The_Waiters_Of_One_Number_In_The_Order_They_Began_Waiting_And_No_Other()
    {
        var kernel = new EventKernel();
        var ready = new SignalFamily(kernel, 2, n => $"load {n} ready");
        var order = new List<string>();

        IEnumerable<Await> Waiter(string name, int number)
        {
            yield return Await.For(ready, number);
            order.Add($"{name}@{kernel.Now}");
        }

        kernel.Start("a", Waiter("a", 1));
        kernel.Start("b", Waiter("b", 1));
        kernel.Start("other", Waiter("other", 0));
        kernel.Start("c", Waiter("c", 1));
        kernel.FireAt(6, ready, 1);
        kernel.FireAt(8, ready, 0);
        kernel.RunToCompletion();

        Assert.That(order, Is.EqualTo(new[] { "a@6", "b@6", "c@6", "other@8" }));
        Assert.That((ready.FiredAt(0), ready.FiredAt(1)), Is.EqualTo(((long?)8, (long?)6)));
    }

    [Test]
    public void Should_Resume_At_Once_On_A_Number_That_Already_Fired_After_The_Events_Of_Its_Cycle()
    {
        var kernel = new EventKernel();
        var ready = new SignalFamily(kernel, 3, n => $"load {n} ready");
        var order = new List<string>();

        IEnumerable<Await> Late()
        {
            yield return Await.Delay(5);
            kernel.ScheduleAt(5, () => order.Add("scheduled@5"));
            yield return Await.For(ready, 2);
            order.Add($"resumed@{kernel.Now}");
        }

        kernel.FireAt(3, ready, 2);
        kernel.Start("late", Late());
        kernel.RunToCompletion();

        Assert.That(order, Is.EqualTo(new[] { "scheduled@5", "resumed@5" }));
        Assert.That(ready.Fired(2), Is.True);
        Assert.That(ready.Fired(1), Is.False);
    }

    [Test]
    public void Should_Fire_At_Its_Cycle_In_Scheduling_Order_With_Actions()
    {
        var kernel = new EventKernel();
        var order = new List<string>();
        var ready = new SignalFamily(kernel, 1, n => $"load {n} ready");

        IEnumerable<Await> Waiter()
        {
            yield return Await.For(ready, 0);
            order.Add($"woken@{kernel.Now}");
        }

        kernel.Start("waiter", Waiter());
        kernel.ScheduleAt(4, () => order.Add("before@4"));
        kernel.FireAt(4, ready, 0);
        kernel.ScheduleAt(4, () => order.Add($"after@4 fired={ready.Fired(0)}"));
        kernel.RunToCompletion();

        Assert.That(order, Is.EqualTo(new[] { "before@4", "after@4 fired=True", "woken@4" }));
    }

    [Test]
    public void Should_Refuse_To_Fire_A_Number_Twice_Naming_It()
    {
        var kernel = new EventKernel();
        var ready = new SignalFamily(kernel, 2, n => $"load {n} ready");
        kernel.FireAt(1, ready, 1);
        kernel.FireAt(3, ready, 1);

        var ex = Assert.Throws<InvalidOperationException>(() => kernel.Run());
        Assert.That(ex!.Message, Is.EqualTo("Signal 'load 1 ready' fired twice (first at cycle 1, again at 3)."));
    }

    [Test]
    public void Should_Name_The_Number_A_Deadlocked_Process_Waits_On_Only_When_Asked()
    {
        var kernel = new EventKernel();
        int formatted = 0;
        var ready = new SignalFamily(kernel, 9, n => { formatted++; return $"load {n} (Ifmap) ready"; });

        IEnumerable<Await> Stuck()
        {
            yield return Await.For(ready, 7);
        }

        kernel.Start("array", Stuck());
        kernel.Run(0);
        Assert.That(formatted, Is.EqualTo(0), "nothing asked for a name yet");

        var ex = Assert.Throws<InvalidOperationException>(() => kernel.RunToCompletion());
        Assert.That(ex!.Message, Is.EqualTo("Deadlock at cycle 0: array (waiting on load 7 (Ifmap) ready) can never resume."));
        Assert.That(formatted, Is.EqualTo(1));
    }
}
