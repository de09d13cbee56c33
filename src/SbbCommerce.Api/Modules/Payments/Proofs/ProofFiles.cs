namespace SbbCommerce.Api.Modules.Payments.Proofs;

/// <summary>The <c>Storage</c> configuration section.</summary>
internal sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for uploaded proofs (outside any web root; files are served to admins only, by the API).</summary>
    public string Root { get; set; } = Path.Combine(AppContext.BaseDirectory, "storage");

    /// <summary>
    /// How old a proof file no payment names must be before the orphan cleanup deletes it: longer than any proof
    /// submission's transaction, so a file whose row has not committed yet is never taken.
    /// </summary>
    public TimeSpan OrphanProofGracePeriod { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Payment proofs: png, jpeg, webp or pdf, recognised by their first bytes (never by name or declared type),
/// at most 10 MB, stored under a random name.
/// </summary>
internal sealed class ProofFiles(IOptions<StorageOptions> options)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The sniffed content type, or null when the bytes are none of the accepted kinds.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return head.StartsWith("%PDF-"u8) ? "application/pdf" : null;
    }

    /// <summary>The folder under the storage root that holds every proof (its keys start with it).</summary>
    public const string Folder = "proofs";

    /// <summary>Stores the file; returns its storage key (a random name in a month folder).</summary>
    public async Task<string> SaveAsync(Stream content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = $"{Folder}/{now:yyyy-MM}/{Guid.NewGuid():N}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, cancellationToken);
        return key;
    }

    /// <summary>Removes a stored file no committed row names (a missing file is already what is wanted).</summary>
    public void Delete(string key) => File.Delete(PathOf(key));

    /// <summary>The storage key of every stored proof file last written before <paramref name="writtenBefore"/>.</summary>
    public IEnumerable<string> KeysWrittenBefore(DateTimeOffset writtenBefore)
    {
        var root = Path.GetFullPath(options.Value.Root);
        var folder = Path.Combine(root, Folder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(file => file.LastWriteTimeUtc < writtenBefore.UtcDateTime)
            .Select(file => Path.GetRelativePath(root, file.FullName).Replace(Path.DirectorySeparatorChar, '/'));
    }

    public string PathOf(string key)
    {
        var root = Path.GetFullPath(options.Value.Root);
        var path = Path.GetFullPath(Path.Combine(root, key));
        // Keys are ours, but a key must never lead out of the storage root.
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new InvalidOperationException("Storage key escapes the storage root.");
    }
}
