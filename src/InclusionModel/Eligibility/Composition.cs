namespace InclusionModel.Eligibility;

/// <summary>How a <see cref="ComposedRule"/> combines its parts.</summary>
public enum Composition
{
    /// <summary>Met when every part is met (Kleene "and").</summary>
    AllOf,

    /// <summary>Met when some part is met (Kleene "or").</summary>
    AnyOf,

    /// <summary>Met when its one part is not met (Kleene "not").</summary>
    Not,
}
