namespace QuantSim.Simulator.Activity;

/// <summary>Which kind of multiply-accumulate hardware does a <see cref="Mac"/>.</summary>
public enum MacUnit
{
    /// <summary>A fixed-width multiplier plus an accumulator adder.</summary>
    Fixed,

    /// <summary>
    /// A bit-composable unit (Bit Fusion, Sharma et al., ISCA 2018): narrow operands use fewer of
    /// its bit-level bricks, so several low-precision products share one unit in one cycle.
    /// </summary>
    BitComposable,
}

/// <summary>One multiply-accumulate: activation x weight, added into an accumulator.</summary>
public sealed record Mac : ActivityAction
{
    public Mac(int activationBits, int weightBits, int accumulatorBits, MacUnit unit = MacUnit.Fixed)
    {
        RequireBits(activationBits, nameof(activationBits));
        RequireBits(weightBits, nameof(weightBits));
        RequireBits(accumulatorBits, nameof(accumulatorBits));
        ActivationBits = activationBits;
        WeightBits = weightBits;
        AccumulatorBits = accumulatorBits;
        Unit = unit;
    }

    public int ActivationBits { get; }

    public int WeightBits { get; }

    public int AccumulatorBits { get; }

    public MacUnit Unit { get; }

    public override string SortKey =>
        $"mac(a{Bits(ActivationBits)},w{Bits(WeightBits)},acc{Bits(AccumulatorBits)},{(Unit == MacUnit.Fixed ? "fixed" : "bit-composable")})";
}

/// <summary>An integer addition or subtraction of <see cref="Width"/> bits (e.g. an offset correction).</summary>
public sealed record Add : ActivityAction
{
    public Add(int bits)
    {
        RequireBits(bits, nameof(bits));
        Width = bits;
    }

    public int Width { get; }

    public override string SortKey => $"add({Bits(Width)})";
}

/// <summary>An integer multiplication of an <see cref="ABits"/>-bit by a <see cref="BBits"/>-bit operand (e.g. a rescale).</summary>
public sealed record Multiply : ActivityAction
{
    public Multiply(int aBits, int bBits)
    {
        RequireBits(aBits, nameof(aBits));
        RequireBits(bBits, nameof(bBits));
        ABits = aBits;
        BBits = bBits;
    }

    public int ABits { get; }

    public int BBits { get; }

    public override string SortKey => $"multiply({Bits(ABits)}x{Bits(BBits)})";
}

/// <summary>A barrel shift of a <see cref="Width"/>-bit value (power-of-two rescale, rounding shift).</summary>
public sealed record Shift : ActivityAction
{
    public Shift(int bits)
    {
        RequireBits(bits, nameof(bits));
        Width = bits;
    }

    public int Width { get; }

    public override string SortKey => $"shift({Bits(Width)})";
}

/// <summary>A magnitude comparison of two <see cref="Width"/>-bit values.</summary>
public sealed record Compare : ActivityAction
{
    public Compare(int bits)
    {
        RequireBits(bits, nameof(bits));
        Width = bits;
    }

    public int Width { get; }

    public override string SortKey => $"compare({Bits(Width)})";
}

/// <summary>A saturation of a <see cref="Width"/>-bit value to a lower and an upper bound.</summary>
public sealed record Clamp : ActivityAction
{
    public Clamp(int bits)
    {
        RequireBits(bits, nameof(bits));
        Width = bits;
    }

    public int Width { get; }

    public override string SortKey => $"clamp({Bits(Width)})";
}

/// <summary>A 2:1 selection between two <see cref="Width"/>-bit values.</summary>
public sealed record Mux : ActivityAction
{
    public Mux(int bits)
    {
        RequireBits(bits, nameof(bits));
        Width = bits;
    }

    public int Width { get; }

    public override string SortKey => $"mux({Bits(Width)})";
}
