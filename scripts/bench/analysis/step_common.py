"""What every Python step of the analysis benchmark shares: peak memory, the JSON line, and the
membership file that the bench scores in one place (score-partition.ts)."""
import json


def peak_rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def write_lines(path, values):
    """One value a line, by vertex id; the bench's files name vertices 0..n-1."""
    with open(path, "w") as out:
        out.writelines(f"{value!r}\n" for value in values)


def report(tool, step, nodes, edges, load_s, step_s, cpu_s, figures):
    """Prints the step's one JSON line; times in ms, memory in MB."""
    print(json.dumps({
        "tool": tool,
        "step": step,
        "nodes": nodes,
        "edges": edges,
        "loadMs": load_s * 1000,
        "stepMs": step_s * 1000,
        "cpuMs": cpu_s * 1000,
        "peakMb": peak_rss_mb(),
        **figures,
    }))
