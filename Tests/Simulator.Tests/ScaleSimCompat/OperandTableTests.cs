using QuantSim.Simulator.ScaleSimCompat;

namespace QuantSim.Simulator.Tests.ScaleSimCompat;

/// <summary>
/// The operand tables kept per thread (<see cref="OperandTable"/>): zeroed when rented, reused by a layer that needs
/// one no larger, at most two kept. Each case runs on a thread of its own, so no other test's tables are in its cache.
/// </summary>
[TestFixture]
public sealed class OperandTableTests
{
    [Test]
    public void Should_hand_back_a_returned_table_zeroed_for_a_request_it_covers()
    {
        OnOwnThread(() =>
        {
            var first = OperandTable<int>.RentZeroed(1000);
            Array.Fill(first, 7);
            OperandTable<int>.Return(first);

            var second = OperandTable<int>.RentZeroed(600);

            Assert.That(second, Is.SameAs(first));
            Assert.That(second.Take(600), Is.All.Zero, "the part asked for is cleared");
        });
    }

    [Test]
    public void Should_pick_the_smallest_kept_table_that_fits_and_allocate_the_exact_length_when_none_does()
    {
        OnOwnThread(() =>
        {
            var small = OperandTable<int>.RentZeroed(100);
            var large = OperandTable<int>.RentZeroed(5000);
            OperandTable<int>.Return(large);
            OperandTable<int>.Return(small);

            Assert.That(OperandTable<int>.RentZeroed(80), Is.SameAs(small));
            var fresh = OperandTable<int>.RentZeroed(9000);
            Assert.That(fresh, Is.Not.SameAs(large));
            Assert.That(fresh, Has.Length.EqualTo(9000));
            Assert.That(fresh, Is.All.Zero);
        });
    }

    [Test]
    public void Should_keep_only_the_two_largest_tables()
    {
        OnOwnThread(() =>
        {
            var tables = new[] { OperandTable<int>.RentZeroed(10), OperandTable<int>.RentZeroed(30), OperandTable<int>.RentZeroed(20) };
            foreach (var table in tables)
            {
                OperandTable<int>.Return(table);
            }

            // 30 and 20 are kept, 10 was dropped: a request for 5 gets the 20, the next one the 30, then a new one.
            Assert.That(OperandTable<int>.RentZeroed(5), Is.SameAs(tables[2]));
            Assert.That(OperandTable<int>.RentZeroed(5), Is.SameAs(tables[1]));
            Assert.That(OperandTable<int>.RentZeroed(5), Is.Not.SameAs(tables[0]).And.Length.EqualTo(5));
        });
    }

    private static void OnOwnThread(Action test)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                test();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }
}
