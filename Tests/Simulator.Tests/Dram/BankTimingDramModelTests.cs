using System.Collections.Immutable;
using QuantSim.Simulator.Dram;

namespace QuantSim.Simulator.Tests.Dram;

/// <summary>
/// Latencies derived by hand from the DDR4-2400 timings of Micron MT40A1G8PM-083E (the shipped
/// ddr4-2400 set), in DRAM clocks: CL 16, CWL 16, tRCD 16, tRP 16, tRAS 39, tCCD_S 4, tCCD_L 6,
/// tRRD_S 4, tRRD_L 6, tFAW 26, tWR 19, tREFI 9364, tRFC 420, BL8 (4 clocks on the bus).
/// Address layout (MSB to LSB): row | bank | bank group | column (128 bursts) | 64-byte burst offset,
/// so bank group g starts at bit 13, bank b at bit 15 and row r at bit 17.
/// </summary>
public sealed class BankTimingDramModelTests
{
    private const long NextBurstSameRow = 64;
    private const long Row1SameBank = 1L << 17;

    internal static DramTimingParameters Ddr4(PagePolicy policy = PagePolicy.Open) => new()
    {
        Name = "ddr4-test",
        TckPs = 833,
        BurstLength = 8,
        BusBits = 64,
        Channels = 1,
        BankGroups = 4,
        BanksPerGroup = 4,
        RowBytes = 8192,
        RowsPerBank = 65536,
        Cl = 16,
        Cwl = 16,
        Trcd = 16,
        Trp = 16,
        Tras = 39,
        TccdS = 4,
        TccdL = 6,
        TrrdS = 4,
        TrrdL = 6,
        Tfaw = 26,
        Twr = 19,
        Trefi = 9364,
        Trfc = 420,
        AddressMapping = [AddressField.Row, AddressField.Bank, AddressField.BankGroup, AddressField.Channel, AddressField.Column],
        PagePolicy = policy,
    };

    private static BankTimingDramModel Model(PagePolicy policy = PagePolicy.Open) => new(Ddr4(policy), DramClock.Identity);

    [Test]
    public void Should_Charge_A_Row_Miss_tRCD_Plus_CL_Plus_The_Burst()
    {
        // ACT at 0, CAS at 0 + tRCD = 16, data 16 + CL = 32 .. 36
        var dram = Model();

        Assert.That(dram.Burst(0, 0, DramDirection.Read), Is.EqualTo(16 + 16 + 4));
        Assert.That(dram.Statistics.RowMisses, Is.EqualTo(1));
    }

    [Test]
    public void Should_Charge_A_Row_Hit_Only_CL_Plus_The_Burst()
    {
        // After the miss above, a request at 100 to the open row: CAS at 100 (tCCD long past), data 116 .. 120
        var dram = Model();
        dram.Burst(0, 0, DramDirection.Read);

        Assert.That(dram.Burst(100, NextBurstSameRow, DramDirection.Read), Is.EqualTo(100 + 16 + 4));
        Assert.That(dram.Statistics.RowHits, Is.EqualTo(1));
    }

    [Test]
    public void Should_Charge_A_Bank_Conflict_Precharge_Then_Activate()
    {
        // Row 0 open since ACT at 0 (PRE allowed from tRAS = 39). At 100, row 1 of the same bank:
        // PRE 100, ACT 100 + tRP = 116, CAS 116 + tRCD = 132, data 148 .. 152
        var dram = Model();
        dram.Burst(0, 0, DramDirection.Read);

        Assert.That(dram.Burst(100, Row1SameBank, DramDirection.Read), Is.EqualTo(100 + 16 + 16 + 16 + 4));
        Assert.That(dram.Statistics.RowConflicts, Is.EqualTo(1));
    }

    [Test]
    public void Should_Wait_For_tRAS_Before_Precharging_A_Fresh_Row()
    {
        // Conflict right away at 0: PRE waits for ACT + tRAS = 39; ACT 55, CAS 71, data 87 .. 91
        var dram = Model();
        dram.Burst(0, 0, DramDirection.Read);

        Assert.That(dram.Burst(0, Row1SameBank, DramDirection.Read), Is.EqualTo(39 + 16 + 16 + 16 + 4));
    }

    [Test]
    public void Should_Wait_For_Write_Recovery_Before_Precharging()
    {
        // Write: ACT 0, CAS 16, data 32 .. 36; PRE allowed at max(tRAS 39, 36 + tWR 19 = 55) = 55.
        // Read of row 1 at 40: PRE 55, ACT 71, CAS 87, data 103 .. 107
        var dram = Model();
        dram.Burst(0, 0, DramDirection.Write);

        Assert.That(dram.Burst(40, Row1SameBank, DramDirection.Read), Is.EqualTo(107));
    }

    [Test]
    public void Should_Delay_A_Request_That_Finds_A_Refresh_Due()
    {
        // At tREFI = 9364 a refresh is due: it runs 9364 .. 9364 + tRFC = 9784, then ACT 9784,
        // CAS 9800, data 9816 .. 9820: the request waits tRFC + tRCD + CL + burst = 456 clocks
        var dram = Model();

        Assert.That(dram.Burst(9364, 0, DramDirection.Read), Is.EqualTo(9364 + 420 + 16 + 16 + 4));
        Assert.That(dram.Statistics.Refreshes, Is.EqualTo(1));
    }

    [Test]
    public void Should_Allow_At_Most_Four_Activates_In_A_tFAW_Window()
    {
        // Bank groups 0..3 (bank 0), then bank 1 of group 0, all requested at 0.
        // ACTs at 0, 4, 8, 12 (tRRD_S); the fifth would be at 16 but tFAW holds it to 0 + 26.
        // Data: 32..36, 36..40, 40..44, 44..48 (bus back to back), fifth: CAS 26 + 16 = 42, data 58 .. 62
        var dram = Model();
        long[] ends = [.. new long[] { 0, 1L << 13, 2L << 13, 3L << 13 }.Select(a => dram.Burst(0, a, DramDirection.Read))];

        Assert.That(ends, Is.EqualTo(new long[] { 36, 40, 44, 48 }));
        Assert.That(dram.Burst(0, 1L << 15, DramDirection.Read), Is.EqualTo(62));
    }

    [Test]
    public void Should_Turn_Every_Access_Into_A_Miss_Under_A_Closed_Page_Policy()
    {
        // First read: data ends 36; auto-precharge at max(tRAS 39, 36) = 39, bank ready for ACT at 55.
        // Second read of the same row at 40: ACT 55, CAS 71, data 87 .. 91, a miss, not a hit
        var dram = Model(PagePolicy.Closed);
        dram.Burst(0, 0, DramDirection.Read);

        Assert.That(dram.Burst(40, NextBurstSameRow, DramDirection.Read), Is.EqualTo(91));
        Assert.That(dram.Statistics, Is.EqualTo(DramStatistics.Zero with { RowMisses = 2 }));
    }

    [Test]
    public void Should_Convert_Between_Accelerator_And_Dram_Clocks_Rounding_Up()
    {
        // A 1000 MHz accelerator (1 ns) and tCK = 0.833 ns: the miss ends at DRAM clock 36,
        // 36 x 0.833 = 29.988 ns, seen by the accelerator in cycle 30
        var dram = new BankTimingDramModel(Ddr4(), DramClock.For(1000, 833));

        long done = dram.Transfer(0, 0, 64, DramDirection.Read);

        Assert.That(done, Is.EqualTo(30));
        Assert.That(dram.Statistics.BytesMovedRead, Is.EqualTo(64));
    }

    [Test]
    public void Should_Stream_A_Row_At_One_Burst_Per_tCCD_L_Within_A_Bank_Group()
    {
        // Four bursts of one row (same bank group): CAS at 16, 22, 28, 34 (tCCD_L = 6);
        // the last burst's data is 34 + 16 = 50 .. 54
        var dram = Model();

        long done = dram.Transfer(0, 0, 4 * 64, DramDirection.Read);

        Assert.That(done, Is.EqualTo(54));
        Assert.That(dram.Statistics with { BytesRequestedRead = 0, BytesMovedRead = 0 },
            Is.EqualTo(DramStatistics.Zero with { Bursts = 4, RowMisses = 1, RowHits = 3 }));
    }
}
