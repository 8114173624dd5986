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

/// <summary>An integer addition or subtraction of <see cref="WidthAction.Width"/> bits (e.g. an offset correction).</summary>
public sealed record Add : WidthAction
{
    public Add(int bits)
        : base(bits, "add")
    {
    }
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

/// <summary>A barrel shift of a <see cref="WidthAction.Width"/>-bit value (power-of-two rescale, rounding shift).</summary>
public sealed record Shift : WidthAction
{
    public Shift(int bits)
        : base(bits, "shift")
    {
    }
}

/// <summary>A magnitude comparison of two <see cref="WidthAction.Width"/>-bit values.</summary>
public sealed record Compare : WidthAction
{
    public Compare(int bits)
        : base(bits, "compare")
    {
    }
}

/// <summary>A saturation of a <see cref="WidthAction.Width"/>-bit value to a lower and an upper bound.</summary>
public sealed record Clamp : WidthAction
{
    public Clamp(int bits)
        : base(bits, "clamp")
    {
    }
}

/// <summary>A 2:1 selection between two <see cref="WidthAction.Width"/>-bit values.</summary>
public sealed record Mux : WidthAction
{
    public Mux(int bits)
        : base(bits, "mux")
    {
    }
}
