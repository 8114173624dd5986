using System.Collections.Immutable;

namespace QuantSim.Simulator.Dram;

/// <summary>
/// A JEDEC-style DRAM description: organisation and timings in DRAM clock cycles (tCK).
/// Read from accel-configs/dram/*.yaml, where each set names its datasheet or standard.
/// </summary>
public sealed record DramTimingParameters
{
    public required string Name { get; init; }

    /// <summary>DRAM clock period in picoseconds (DDR: two data beats per clock).</summary>
    public required int TckPs { get; init; }

    /// <summary>Beats per burst (BL8, BL16); a burst occupies the data bus BL/2 clocks.</summary>
    public required int BurstLength { get; init; }

    /// <summary>Data bus width of one channel in bits.</summary>
    public required int BusBits { get; init; }

    public required int Channels { get; init; }

    public required int BankGroups { get; init; }

    public required int BanksPerGroup { get; init; }

    /// <summary>Bytes in one row (page) of one bank across the channel's devices.</summary>
    public required int RowBytes { get; init; }

    /// <summary>Rows per bank; with the other fields it fixes the capacity the address wraps at.</summary>
    public required int RowsPerBank { get; init; }

    public required int Cl { get; init; }

    public required int Cwl { get; init; }

    public required int Trcd { get; init; }

    public required int Trp { get; init; }

    public required int Tras { get; init; }

    /// <summary>CAS to CAS in different bank groups (the only tCCD without bank groups).</summary>
    public required int TccdS { get; init; }

    /// <summary>CAS to CAS in the same bank group.</summary>
    public required int TccdL { get; init; }

    public required int TrrdS { get; init; }

    public required int TrrdL { get; init; }

    public required int Tfaw { get; init; }

    /// <summary>Write recovery: end of write data to PRE.</summary>
    public required int Twr { get; init; }

    public required int Trefi { get; init; }

    public required int Trfc { get; init; }

    /// <summary>Address bits from most to least significant; a permutation of all five fields.</summary>
    public required ImmutableArray<AddressField> AddressMapping { get; init; }

    public required PagePolicy PagePolicy { get; init; }

    public int BurstBytes => BurstLength * BusBits / 8;

    /// <summary>Clocks a burst holds the data bus (two beats per clock).</summary>
    public int BurstClocks => BurstLength / 2;

    public int Banks => BankGroups * BanksPerGroup;

    /// <summary>Peak bandwidth of all channels in bytes per DRAM clock.</summary>
    public double PeakBytesPerClock => (double)Channels * BusBits / 8 * 2;
}
