using System.Globalization;

namespace QuantSim.Simulator.Activity;

/// <summary>A pipeline register of <see cref="WidthAction.Width"/> bits captures a new value (operand forwarding, partial sums).</summary>
public sealed record RegisterWrite : WidthAction
{
    public RegisterWrite(int bits)
        : base(bits, "register-write")
    {
    }
}

/// <summary>A <see cref="WidthAction.Width"/>-bit register's value is used by the next stage.</summary>
public sealed record RegisterRead : WidthAction
{
    public RegisterRead(int bits)
        : base(bits, "register-read")
    {
    }
}

/// <summary>
/// A <see cref="WidthAction.Width"/>-bit register is clocked for one cycle (counted once per register per
/// cycle it is clocked, whether or not its value changes).
/// </summary>
public sealed record RegisterClock : WidthAction
{
    public RegisterClock(int bits)
        : base(bits, "register-clock")
    {
    }
}

/// <summary>
/// One word moved in or out of an on-chip SRAM buffer. <see cref="CapacityBytes"/> is the whole buffer;
/// an access touches one of its <see cref="Banks"/> banks, so it is priced at the bank's capacity.
/// </summary>
public abstract record SramAccess : ActivityAction
{
    private readonly string _kind;

    private protected SramAccess(string kind, string buffer, long capacityBytes, int wordBits, int banks)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(buffer);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(wordBits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(banks, 1);
        if (capacityBytes % banks != 0)
        {
            throw new ArgumentException($"A {capacityBytes}-byte buffer cannot be split into {banks} equal banks.", nameof(banks));
        }

        _kind = kind;
        Buffer = buffer;
        CapacityBytes = capacityBytes;
        WordBits = wordBits;
        Banks = banks;
    }

    public string Buffer { get; }

    public long CapacityBytes { get; }

    public int WordBits { get; }

    public int Banks { get; }

    // Capacity is zero-padded so that text order equals numeric order for any realistic buffer.
    public override string SortKey =>
        string.Create(CultureInfo.InvariantCulture, $"{_kind}({Buffer},{CapacityBytes:D12}B,{WordBits}b,{Banks}banks)");
}

/// <summary>One word read from an on-chip SRAM buffer.</summary>
public sealed record SramRead : SramAccess
{
    public SramRead(string buffer, long capacityBytes, int wordBits, int banks = 1)
        : base("sram-read", buffer, capacityBytes, wordBits, banks)
    {
    }
}

/// <summary>One word written to an on-chip SRAM buffer.</summary>
public sealed record SramWrite : SramAccess
{
    public SramWrite(string buffer, long capacityBytes, int wordBits, int banks = 1)
        : base("sram-write", buffer, capacityBytes, wordBits, banks)
    {
    }
}

/// <summary>One off-chip transfer of <see cref="WidthAction.Width"/> bits read from DRAM (e.g. one burst).</summary>
public sealed record DramRead : WidthAction
{
    public DramRead(int bits)
        : base(bits, "dram-read")
    {
    }
}

/// <summary>One off-chip transfer of <see cref="WidthAction.Width"/> bits written to DRAM.</summary>
public sealed record DramWrite : WidthAction
{
    public DramWrite(int bits)
        : base(bits, "dram-write")
    {
    }
}
