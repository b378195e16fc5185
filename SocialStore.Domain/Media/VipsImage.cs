using System.Runtime.InteropServices;

namespace SocialStore.Domain.Media;

/// <summary>
/// One reference to a libvips image, released with g_object_unref when disposed (or finalised, so a
/// forgotten image cannot leak native memory). Images made from a buffer read it lazily: keep the
/// buffer pinned until every image derived from it is disposed.
/// </summary>
internal sealed class VipsImage : SafeHandle
{
    public VipsImage() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public int Width => Vips.GetWidth(this);

    public int Height => Vips.GetHeight(this);

    public int Bands => Vips.GetBands(this);

    /// <summary>Reads only the header of an image in memory.</summary>
    public static VipsImage FromBuffer(IntPtr buffer, nuint length) =>
        Checked(Vips.NewFromBuffer(buffer, length, "", IntPtr.Zero), "vips_image_new_from_buffer");

    /// <summary>
    /// Decodes, turns upright by the EXIF orientation and shrinks to fit <paramref name="width"/> ×
    /// <paramref name="height"/>, never enlarging; CMYK becomes sRGB. Only the first frame of an animation is loaded.
    /// </summary>
    /// <param name="toSrgb">
    /// Convert from the embedded ICC profile to sRGB. Only for images that have one: in 8.14 asking an
    /// untagged image for sRGB shifts its colours (pure blue comes out 84,15,253).
    /// </param>
    public static VipsImage Thumbnail(IntPtr buffer, nuint length, int width, int height, bool toSrgb)
    {
        // A cut-off upload is an error, not a photo with a grey band. In 8.14 only the loader's own
        // option does this; thumbnail's "fail_on" argument lets a truncated JPEG through.
        const string loaderOptions = "fail_on=truncated";
        var status = toSrgb
            ? Vips.ThumbnailBufferToProfile(buffer, length, out var image, width, "height", height, "size", Vips.SizeDown,
                "option_string", loaderOptions, "export_profile", "srgb", IntPtr.Zero)
            : Vips.ThumbnailBuffer(buffer, length, out image, width, "height", height, "size", Vips.SizeDown,
                "option_string", loaderOptions, IntPtr.Zero);
        return Checked(status, image, "vips_thumbnail_buffer");
    }

    /// <summary>A copy shrunk to at most <paramref name="width"/> pixels wide, never enlarged.</summary>
    public VipsImage ShrinkToWidth(int width)
    {
        var status = Vips.ThumbnailImage(this, out var image, width, "height", Vips.MaxCoordinate, "size", Vips.SizeDown, IntPtr.Zero);
        return Checked(status, image, "vips_thumbnail_image");
    }

    /// <summary>Computes every pixel now, into memory, so later steps read it without decoding again.</summary>
    public VipsImage CopyMemory() => Checked(Vips.CopyMemory(this), "vips_image_copy_memory");

    public IReadOnlyList<string> FieldNames()
    {
        var list = Vips.GetFields(this);
        if (list == IntPtr.Zero) return [];
        try
        {
            var names = new List<string>();
            for (var i = 0; ; i++)
            {
                var item = Marshal.ReadIntPtr(list, i * IntPtr.Size);
                if (item == IntPtr.Zero) return names;
                names.Add(Marshal.PtrToStringUTF8(item)!);
            }
        }
        finally
        {
            Vips.StrFreeV(list);
        }
    }

    /// <summary>
    /// Removes every metadata field (EXIF with GPS, XMP, IPTC, ICC, comments…); the basic header
    /// fields cannot be removed and stay. Saver "strip" options are not enough: libvips 8.14 still
    /// writes EXIF into WebP.
    /// </summary>
    public void RemoveMetadata()
    {
        foreach (var name in FieldNames()) Vips.Remove(this, name);
    }

    /// <summary>Encodes to a format chosen by <paramref name="suffix"/>, e.g. ".webp[Q=80,strip]".</summary>
    public byte[] Save(string suffix)
    {
        if (Vips.WriteToBuffer(this, suffix, out var buffer, out var size, IntPtr.Zero) != 0)
            throw new VipsException("vips_image_write_to_buffer " + suffix);
        try
        {
            var bytes = new byte[checked((int)size)];
            Marshal.Copy(buffer, bytes, 0, bytes.Length);
            return bytes;
        }
        finally
        {
            Vips.GFree(buffer);
        }
    }

    protected override bool ReleaseHandle()
    {
        Vips.ObjectUnref(handle);
        return true;
    }

    private static VipsImage Checked(VipsImage image, string operation) => Checked(image.IsInvalid ? -1 : 0, image, operation);

    private static VipsImage Checked(int status, VipsImage image, string operation)
    {
        if (status == 0 && !image.IsInvalid) return image;
        image.Dispose();
        throw new VipsException(operation);
    }
}
