using QuantSim.Input;
using QuantSim.Workloads.Traces;

namespace QuantSim.Workloads.Tests.Traces;

/// <summary>Bad traces are refused with FILE:LINE: column: message (Column 0, Field = the column).</summary>
[TestFixture]
public sealed class QuantSimTraceErrorTests
{
    private const string ConvHeader = "name,kind,in_h,in_w,in_c,k_h,k_w,filters,pad_h,precision\n";

    [TestCase("c1,conv,8,8,3,3,3\n", "bad.csv:2: filters: missing column: the row has 7 of the header's 10 fields")]
    [TestCase("c1,conv,8,eight,3,3,3,16,0,\n", "bad.csv:2: in_w: expected an integer, got 'eight'")]
    [TestCase("c1,conv,8,8,3,3,3,16,1.5,\n", "bad.csv:2: pad_h: expected an integer, got '1.5'")]
    [TestCase("c1,conv,-8,8,3,3,3,16,0,\n", "bad.csv:2: in_h: must be a positive integer, got -8")]
    [TestCase("c1,conv,8,8,3,3,3,16,-1,\n", "bad.csv:2: pad_h: must be zero or a positive integer, got -1")]
    [TestCase("c1,conv,8,8,3,11,3,16,1,\n", "bad.csv:2: k_h: kernel height 11 (k_h 11, dilation_h 1) exceeds the padded input height 10 (in_h 8 + 2 x pad_h 1)")]
    [TestCase("c1,conv,8,8,3,3,3,16,0,w4x4\n", "bad.csv:2: precision: unknown precision 'w4x4'; expected w<bits>a<bits> or w<bits>a<bits>acc<bits>, e.g. w8a8 or w4a4acc16")]
    [TestCase("c1,conv,8,8,3,3,3,16,0,w8a8acc12\n", "bad.csv:2: precision: precision 'w8a8acc12': the accumulator (12 bits) must hold one product (16 bits) and be at most 64 bits")]
    [TestCase("c1,conv,8,8,3,3,3,16,0,w0a8\n", "bad.csv:2: precision: precision 'w0a8': weight and activation bits must be between 1 and 32")]
    [TestCase("c1,pool,8,8,3,3,3,16,0,\n", "bad.csv:2: kind: unknown kind 'pool'; allowed: conv, fc, gemm")]
    [TestCase(",conv,8,8,3,3,3,16,0,\n", "bad.csv:2: name: no value given")]
    [TestCase("c1,conv,8,8,3,3,3,,0,\n", "bad.csv:2: filters: no value given")]
    [TestCase("c1,conv,8,8,3,3,3,16,0,w8a8,9\n", "bad.csv:2: field 11: too many fields: the header names 10 columns")]
    public void Should_reject_a_bad_row_with_the_exact_message(string row, string message)
    {
        // When a trace with one bad row is read
        var ex = Assert.Throws<InputException>(() => QuantSimTraceReader.Read("bad.csv", ConvHeader + row, "bad"));

        // Then exactly that problem is reported, located by line and column name
        Assert.That(ex!.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { message }));
        Assert.That(ex.Errors[0].Column, Is.EqualTo(0));
        Assert.That(ex.Errors[0].Field, Is.EqualTo(message.Split(": ")[1]));
    }

    [Test]
    public void Should_name_a_column_missing_from_the_header_once_with_the_first_row_needing_it()
    {
        // Given a header without k_w while two conv rows need it
        const string text = "# stem\nname,kind,in_h,in_w,in_c,k_h,filters\nc1,conv,8,8,3,3,16\nc2,conv,8,8,3,3,16\n";

        var ex = Assert.Throws<InputException>(() => QuantSimTraceReader.Read("t.csv", text, "t"));

        Assert.That(ex!.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { "t.csv:2: k_w: missing column, needed by the conv layer on line 3" }));
    }

    [Test]
    public void Should_reject_unknown_and_duplicate_header_columns_and_missing_kind()
    {
        const string text = "name,in_h,in_h,kernel\nc1,8,8,3\n";

        var ex = Assert.Throws<InputException>(() => QuantSimTraceReader.Read("t.csv", text, "t"));

        Assert.That(ex!.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "t.csv:1: in_h: column appears twice in the header; keep one",
            "t.csv:1: kernel: unknown column; allowed: name, kind, in_h, in_w, in_c, k_h, k_w, filters, stride_h, stride_w, pad_h, pad_w, dilation_h, dilation_w, groups, ceil, m, n, k, weights, bias, norm, precision",
            "t.csv:1: kind: missing column; every trace needs name and kind",
        }));
    }

    [Test]
    public void Should_report_every_problem_of_the_file_sorted_by_line()
    {
        // Given several bad rows: a cell a kind does not use, a bad flag, groups that do not divide, a dilated kernel too large, an empty gemm size
        const string text = "name,kind,in_h,in_w,in_c,k_h,k_w,filters,dilation_w,groups,m,n,k,bias\n"
                            + "c1,conv,8,8,3,3,3,16,,,4,,,\n"
                            + "c2,conv,8,8,3,3,3,16,,,,,,yes\n"
                            + "c3,conv,8,8,6,3,3,16,,4,,,,\n"
                            + "c4,conv,8,8,3,3,3,16,4,,,,,\n"
                            + "g1,gemm,,,,,,,,,128,,64,\n";

        var ex = Assert.Throws<InputException>(() => QuantSimTraceReader.Read("t.csv", text, "t"));

        Assert.That(ex!.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "t.csv:2: m: not used by conv layers; leave it empty",
            "t.csv:3: bias: expected 0 or 1, got 'yes'",
            "t.csv:4: groups: in_c 6 and filters 16 must both be divisible by groups 4",
            "t.csv:5: k_w: kernel width 9 (k_w 3, dilation_w 4) exceeds the padded input width 8 (in_w 8 + 2 x pad_w 0)",
            "t.csv:6: n: no value given",
        }));
    }

    [TestCase("", "e.csv:1: the trace has no header row; start with e.g. 'name,kind,in_h,in_w,in_c,k_h,k_w,filters,stride_h,stride_w,pad_h,pad_w,dilation_h,dilation_w,groups,ceil,m,n,k,weights,bias,norm,precision'")]
    [TestCase("# only a comment\n\nname,kind,m,n,k\n", "e.csv:3: the trace has no layer rows after its header")]
    public void Should_reject_a_trace_without_layers(string text, string message)
    {
        var ex = Assert.Throws<InputException>(() => QuantSimTraceReader.Read("e.csv", text, "e"));

        Assert.That(ex!.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { message }));
    }
}
