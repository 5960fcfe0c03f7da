namespace Starmap.Silo.Clustering;

/// <summary>Where a silo keeps membership, grain state and reminders (<c>Starmap:Clustering</c>).</summary>
public enum ClusteringMode
{
    /// <summary>One machine: localhost clustering and SQLite in the data folder; nothing to install.</summary>
    Embedded,

    /// <summary>A cluster on a Redis server: Orleans' Redis membership, grain storage and reminders.</summary>
    Redis,

    /// <summary>
    /// <see cref="Redis"/> plus Orleans' Kubernetes hosting: silo name and address from the pod, and silos
    /// whose pods are gone are declared dead through the Kubernetes API.
    /// </summary>
    Kubernetes,
}
