using System.Globalization;

namespace QuantSim.Simulator.Activity;

/// <summary>A pipeline register of <see cref="Width"/> bits captures a new value (operand forwarding, partial sums).</summary>
public sealed record RegisterWrite : ActivityAction
{
    public RegisterWrite(int bits)
    {
        RequireBits(bits, nameof(bits));
        Width = bits;
    }

    public int Width { get; }

    public override string SortKey => $"register-write({Bits(Width)})";
}

/// <summary>A <see cref="Width"/>-bit register's value is used by the next stage.</summary>
public sealed record RegisterRead : ActivityAction
{
    public RegisterRead(int bits)
    {
        RequireBits(bits, nameof(bits));
        Width = bits;
    }

    public int Width { get; }

    public override string SortKey => $"register-read({Bits(Width)})";
}

/// <summary>
/// A <see cref="Width"/>-bit register is clocked for one cycle (counted once per register per
/// cycle it is clocked, whether or not its value changes).
/// </summary>
public sealed record RegisterClock : ActivityAction
{
    public RegisterClock(int bits)
    {
        RequireBits(bits, nameof(bits));
        Width = bits;
    }

    public int Width { get; }

    public override string SortKey => $"register-clock({Bits(Width)})";
}

/// <summary>
/// One word read from an on-chip SRAM buffer. <see cref="CapacityBytes"/> is the whole buffer;
/// an access touches one of its <see cref="Banks"/> banks, so it is priced at the bank's capacity.
/// </summary>
public sealed record SramRead : ActivityAction
{
    public SramRead(string buffer, long capacityBytes, int wordBits, int banks = 1)
    {
        Sram.Check(buffer, capacityBytes, wordBits, banks);
        Buffer = buffer;
        CapacityBytes = capacityBytes;
        WordBits = wordBits;
        Banks = banks;
    }

    public string Buffer { get; }

    public long CapacityBytes { get; }

    public int WordBits { get; }

    public int Banks { get; }

    public override string SortKey => Sram.Key("sram-read", Buffer, CapacityBytes, WordBits, Banks);
}

/// <summary>One word written to an on-chip SRAM buffer (see <see cref="SramRead"/> for banks).</summary>
public sealed record SramWrite : ActivityAction
{
    public SramWrite(string buffer, long capacityBytes, int wordBits, int banks = 1)
    {
        Sram.Check(buffer, capacityBytes, wordBits, banks);
        Buffer = buffer;
        CapacityBytes = capacityBytes;
        WordBits = wordBits;
        Banks = banks;
    }

    public string Buffer { get; }

    public long CapacityBytes { get; }

    public int WordBits { get; }

    public int Banks { get; }

    public override string SortKey => Sram.Key("sram-write", Buffer, CapacityBytes, WordBits, Banks);
}

/// <summary>One off-chip transfer of <see cref="Width"/> bits read from DRAM (e.g. one burst).</summary>
public sealed record DramRead : ActivityAction
{
    public DramRead(int bits)
    {
        RequireBits(bits, nameof(bits));
        Width = bits;
    }

    public int Width { get; }

    public override string SortKey => $"dram-read({Bits(Width)})";
}

/// <summary>One off-chip transfer of <see cref="Width"/> bits written to DRAM.</summary>
public sealed record DramWrite : ActivityAction
{
    public DramWrite(int bits)
    {
        RequireBits(bits, nameof(bits));
        Width = bits;
    }

    public int Width { get; }

    public override string SortKey => $"dram-write({Bits(Width)})";
}

internal static class Sram
{
    public static void Check(string buffer, long capacityBytes, int wordBits, int banks)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(buffer);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(wordBits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(banks, 1);
        if (capacityBytes % banks != 0)
        {
            throw new ArgumentException($"A {capacityBytes}-byte buffer cannot be split into {banks} equal banks.", nameof(banks));
        }
    }

    // Capacity is zero-padded so that text order equals numeric order for any realistic buffer.
    public static string Key(string kind, string buffer, long capacityBytes, int wordBits, int banks) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}({buffer},{capacityBytes:D12}B,{wordBits}b,{banks}banks)");
}
