using QuantSim.Workloads.Torch.Data;

namespace QuantSim.Workloads.Torch.Tests.Data;

/// <summary>Reads the real datasets (fetched into the user cache on first use).</summary>
public sealed class DatasetLoaderTests
{
    [Test]
    public void Should_Load_Mnist_With_The_Official_Split_And_Known_First_Labels()
    {
        var (train, test) = new DatasetLoader(DataCache.Default()).Load(DatasetName.Mnist);

        // The official MNIST files: 60,000 / 10,000 images of 28x28; the training set famously starts
        // 5, 0, 4, 1, 9 and the test set 7, 2, 1, 0, 4
        Assert.Multiple(() =>
        {
            Assert.That((train.Count, test.Count), Is.EqualTo((60000, 10000)));
            Assert.That((train.Height, train.Width), Is.EqualTo((28, 28)));
            Assert.That(train.Labels.Take(5), Is.EqualTo(new byte[] { 5, 0, 4, 1, 9 }));
            Assert.That(test.Labels.Take(5), Is.EqualTo(new byte[] { 7, 2, 1, 0, 4 }));
        });
    }

    [Test]
    public void Should_Split_Fashion_Mnist_Deterministically_Into_6000_And_1000_Per_Class()
    {
        var (train, test) = new DatasetLoader(DataCache.Default()).Load(DatasetName.FashionMnist);

        // Interleaved by class: labels run 0..9, 0..9, ...; each class has 6,000 train and 1,000 test images
        Assert.Multiple(() =>
        {
            Assert.That((train.Count, test.Count), Is.EqualTo((60000, 10000)));
            Assert.That(train.Labels.Take(12), Is.EqualTo(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1 }));
            Assert.That(train.Labels.Count(l => l == 3), Is.EqualTo(6000));
            Assert.That(test.Labels.Count(l => l == 0), Is.EqualTo(1000));
        });

        // The first training image is the first row of src/clothes/0.json, which begins
        // 0,0,0,0,0,0,0,9,8,0,0,34,29,7,0,11,24 (read from the package file)
        Assert.That(train.Pixels.Take(17), Is.EqualTo(new byte[] { 0, 0, 0, 0, 0, 0, 0, 9, 8, 0, 0, 34, 29, 7, 0, 11, 24 }));
    }
}
