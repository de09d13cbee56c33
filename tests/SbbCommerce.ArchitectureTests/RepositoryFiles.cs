namespace SbbCommerce.ArchitectureTests;

/// <summary>The checkout the tests run from: the API's sources, the README and the migrations, read as text.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string ApiSources => Path.Combine(Root, "src", "SbbCommerce.Api");

    public static string Readme => Path.Combine(Root, "README.md");

    public static string Migrations => Path.Combine(Root, "db", "migrations");

    /// <summary>The C# files of a folder of the API, below it at any depth (build output left out).</summary>
    public static IEnumerable<string> CSharpFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SbbCommerce.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SbbCommerce.sln not found above " + AppContext.BaseDirectory);
    }
}
