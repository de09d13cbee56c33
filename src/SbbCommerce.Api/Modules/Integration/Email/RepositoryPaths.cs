namespace SbbCommerce.Api.Modules.Integration.Email;

/// <summary>
/// Resolves a configured relative path against the repository root (the folder holding SbbCommerce.sln above the
/// content root), so files land in the same ignored <c>.data/</c> whether the host runs from the repository or from
/// its project folder; outside a repository (a container), against the content root. Absolute paths stay as they are.
/// </summary>
internal static class RepositoryPaths
{
    public static string Resolve(string contentRoot, string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SbbCommerce.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, path));
            }
        }

        return Path.GetFullPath(Path.Combine(contentRoot, path));
    }
}
