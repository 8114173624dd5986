using QuantSim.Workloads.Torch.Data;

namespace QuantSim.Workloads.Torch.Tests.Data;

public sealed class IdxFileTests
{
    [Test]
    public void Should_Write_The_Documented_Header_And_Read_It_Back()
    {
        // Given two 2x3 images and their labels
        string folder = Directory.CreateTempSubdirectory("idx").FullName;
        string images = Path.Combine(folder, "images"), labels = Path.Combine(folder, "labels");
        byte[] pixels = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

        // When written as IDX files
        IdxFile.Write(images, [2, 2, 3], pixels);
        IdxFile.Write(labels, [2], [7, 3]);

        // Then the header is 00 00 08 03 then 2, 2, 3 as big-endian int32 (yann.lecun.com/exdb/mnist), 16 bytes
        byte[] raw = File.ReadAllBytes(images);
        Assert.That(raw.Take(16), Is.EqualTo(new byte[] { 0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3 }));
        ImageSet set = IdxFile.ReadImageSet(images, labels);
        Assert.Multiple(() =>
        {
            Assert.That(set.Count, Is.EqualTo(2));
            Assert.That((set.Height, set.Width), Is.EqualTo((2, 3)));
            Assert.That(set.Pixels, Is.EqualTo(pixels));
            Assert.That(set.Labels, Is.EqualTo(new byte[] { 7, 3 }));
        });
    }

    [Test]
    public void Should_Reject_A_File_Shorter_Than_Its_Header_Promises()
    {
        // Given a header for 2x2x3 bytes followed by only 11 bytes
        string path = Path.Combine(Directory.CreateTempSubdirectory("idx").FullName, "short");
        IdxFile.Write(path, [2, 2, 3], new byte[12]);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^1]);

        // Then reading it fails and says why
        Assert.That(() => IdxFile.Read(path), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("header promises 28"));
    }
}
