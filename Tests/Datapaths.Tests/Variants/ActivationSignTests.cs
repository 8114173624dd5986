using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Lsq;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.Variants;

/// <summary>
/// The learned-scale variants' <c>activations</c> option: the codes it selects (by hand from the bit
/// width) and the claim that it is priced alike. The integers are checked against the reference in
/// <see cref="VariantKernelTests"/>.
/// </summary>
[TestFixture]
public sealed class ActivationSignTests
{
    [TestCase("lsq")]
    [TestCase("per-channel")]
    public void Should_give_signed_activation_codes_only_when_asked(string kind)
    {
        var (datapath, unsigned) = VariantKernelTests.Resolve(kind, null, null);
        var (_, signed) = VariantKernelTests.Resolve(kind, ActivationSignOption.Key, ActivationSignOption.Signed);

        var plain = datapath.Quantizers(Precision.W8A8, unsigned).Activations;
        var withSign = datapath.Quantizers(Precision.W8A8, signed).Activations;

        Assert.That((plain.QMin, plain.QMax), Is.EqualTo((0, 255)));
        Assert.That((withSign.QMin, withSign.QMax), Is.EqualTo((-128, 127)));
        Assert.That(datapath.Quantizers(new Precision(4, 4, 32), signed).Activations.QMin, Is.EqualTo(-8));
    }

    [TestCase("lsq")]
    [TestCase("per-channel")]
    public void Should_price_signed_and_unsigned_activations_with_the_same_inventory(string kind)
    {
        var (datapath, unsigned) = VariantKernelTests.Resolve(kind, null, null);
        var (_, signed) = VariantKernelTests.Resolve(kind, ActivationSignOption.Key, ActivationSignOption.Signed);

        var a = datapath.Inventory(new Precision(4, 4, 32), unsigned);
        var b = datapath.Inventory(new Precision(4, 4, 32), signed);

        Assert.That(b.Ops, Is.EqualTo(a.Ops));
        Assert.That(b.PeComponents, Is.EqualTo(a.PeComponents));
        Assert.That(b.Operands, Is.EqualTo(a.Operands));
    }

    [Test]
    public void Should_offer_lsq_with_signed_activations_as_its_own_study_form()
    {
        Assert.That(DatapathRegistry.Default.TryGet("lsq", out var lsq), Is.True);

        var labels = lsq!.StudyForms.Select(f => f.Label).ToArray();

        Assert.That(labels, Is.EqualTo(new[] { "lsq", "lsq/signed" }));
        Assert.That(lsq.StudyForms[1].Options[ActivationSignOption.Key], Is.EqualTo(ActivationSignOption.Signed));
    }
}
