namespace SbbCommerce.Api.Common.Http;

/// <summary>
/// Relative paths of the configuration (e.g. <c>Storage:Root = .data/storage</c>) mean the same folder however the
/// host was started: relative to the repository root when the host runs from a checkout (found by its solution
/// file above the content root), else to the content root. Absolute paths stay as they are.
/// </summary>
internal static class RepositoryPaths
{
    public const string SolutionFile = "SbbCommerce.sln";

    public static string Resolve(string path, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, path));
            }
        }

        return Path.GetFullPath(Path.Combine(contentRoot, path));
    }
}
