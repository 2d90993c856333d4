#!/usr/bin/env python3
"""Every C# block of a package page (src/*/PACKAGE.md) or a guide (docs/*.md), as a newcomer pastes it.

Each block goes into the project a user would start from, against the packed packages
(`.ci/examples.py <packages dir> <version> <work dir>`, with NUGET_PACKAGES set by the caller):

- a block of top-level statements becomes `Program.cs` of its own `dotnet new console|web|webapi` project;
- a block that declares types is a file of a shared project: `console` (whose Program.cs calls each
  sample's `Run()` and prints its lines) or `xunit`;
- xunit statements (a package page's few lines) become the body of one [Fact].

The template is guessed (`[Fact]`/`[Property]`: xunit; `WebApplication.`: web; else console) or named by an
HTML comment on the line before the block, which also says what else the block needs:

    <!-- example: template=webapi packages=Id@1.2.3,Other@4.5.6 files=samples/x.json[:dest] check=/path:200 expect="text" app=web -->

`packages` without `@version` are this repository's packed packages; `files` are copied into the project (and to its output), `check` starts a web app and asks GET /path for the
status, `expect` is text the console output must hold, and `app=web` makes an xunit project that references
the `web` example of the same page (WebApplicationFactory). Everything builds with warnings as errors.
"""
import concurrent.futures
import glob
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

packages, version, work = sys.argv[1], sys.argv[2], sys.argv[3]
BLOCK = re.compile(r"(?:<!-- example:(?P<attrs>.*?)-->\n)?```csharp\n(?P<code>.*?)```", re.S)
# This machine's package mirror serves Microsoft.OpenApi 2.12.1, not the 2.12.0 that Microsoft.AspNetCore.OpenApi
# 10.0.12 (the web templates' pin and the HTTP package's lower bound) asks for; restore says so (NU1603).
WEB_WARNINGS = ["-warnnotaserror:NU1603"]
OWN_PACKAGE = {"console": "InclusionModel", "xunit": "InclusionModel.Testing", "web": "InclusionModel.AspNetCore", "webapi": "InclusionModel.AspNetCore"}


def run(args, cwd, **kw):
    result = subprocess.run(args, cwd=cwd, text=True, capture_output=True, **kw)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} in {cwd} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result.stdout


def blocks():
    for page in sorted(glob.glob("src/*/PACKAGE.md")) + sorted(glob.glob("docs/*.md")):
        text = open(page, encoding="utf-8").read()
        for n, m in enumerate(BLOCK.finditer(text), 1):
            attrs = dict(a.split("=", 1) for a in shlex.split(m.group("attrs") or ""))
            code = m.group("code")
            template = attrs.get("template") or (
                "xunit" if re.search(r"\[(Fact|Theory|Property)\b|^using Xunit;", code, re.M)
                else "web" if "WebApplication." in code else "console")
            statements = not re.search(r"^(namespace|public|internal)\b", code, re.M)
            yield {"page": page, "n": n, "code": code, "template": template, "statements": statements, **attrs}


class Project:
    def __init__(self, name, template):
        self.name, self.template, self.dir = name, template, os.path.join(work, name)
        self.items, self.blocks = [], []
        run(["dotnet", "new", template, "-o", self.dir, "-n", name.replace("-", "_")], cwd=".")
        shutil.copy(os.path.join(work, "nuget.config"), self.dir)
        self.package(OWN_PACKAGE[template], version)

    def package(self, pid, ver):
        self.items.append(f'<PackageReference Include="{pid}" Version="{ver}" />')

    def add(self, block):
        self.blocks.append(block)
        for spec in filter(None, block.get("packages", "").split(",")):
            pid, _, ver = spec.partition("@")
            self.package(pid, ver or version)  # no version: the packed one (this repository's own packages)
        for spec in filter(None, block.get("files", "").split(",")):
            source, _, dest = spec.partition(":")
            dest = dest or source
            os.makedirs(os.path.dirname(os.path.join(self.dir, dest)) or self.dir, exist_ok=True)
            shutil.copy(source, os.path.join(self.dir, dest))
            self.items.append(f'<None Include="{dest}" CopyToOutputDirectory="PreserveNewest" />')

    def write(self, relative, text):
        open(os.path.join(self.dir, relative), "w", encoding="utf-8").write(text)

    def finish(self):
        project = glob.glob(os.path.join(self.dir, "*.csproj"))[0]
        xml = open(project, encoding="utf-8").read()
        items = "\n    ".join(dict.fromkeys(self.items))
        open(project, "w", encoding="utf-8").write(xml.replace("</Project>", f"  <ItemGroup>\n    {items}\n  </ItemGroup>\n</Project>"))

    def where(self):
        return ", ".join(f"{b['page']} block {b['n']}" for b in self.blocks)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def check_web(project, block):
    path, status = block["check"].rsplit(":", 1)
    port = free_port()
    app = subprocess.Popen(["dotnet", "run", "--no-build", "--no-launch-profile", "--urls", f"http://127.0.0.1:{port}"],
                           cwd=project.dir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as r:
                    got = r.status
            except urllib.error.HTTPError as e:
                got = e.code
            except OSError:
                if app.poll() is not None:
                    sys.exit(f"{project.where()}: the app stopped:\n{app.stdout.read()}")
                time.sleep(0.5)
                continue
            if str(got) != status:
                sys.exit(f"{project.where()}: GET {path} answered {got}, not {status}")
            return
        sys.exit(f"{project.where()}: the app did not answer on port {port}")
    finally:
        app.terminate()
        app.wait(timeout=30)


def main():
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, "nuget.config"), "w", encoding="utf-8") as f:
        f.write(f'<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><add key="packed" value="{os.path.abspath(packages)}" /></packageSources></configuration>\n')
    all_blocks = list(blocks())
    shared, own, with_app = {}, [], []
    for b in all_blocks:
        if b.get("app"):
            with_app.append(b)
        elif b["statements"] and b["template"] != "xunit":
            project = Project(f"{os.path.basename(os.path.dirname(b['page'])) if b['page'].startswith('src/') else os.path.splitext(os.path.basename(b['page']))[0]}-{b['n']}", b["template"])
            project.add(b)
            project.write("Program.cs", b["code"])
            own.append(project)
        else:
            if b["template"] not in shared:
                shared[b["template"]] = Project(f"shared-{b['template']}", b["template"])
            shared[b["template"]].add(b)

    for template, project in shared.items():
        runs = []
        for i, b in enumerate(project.blocks, 1):
            if b["statements"]:  # xunit: the lines of a package page, as the body of one test
                code = b["code"].splitlines()
                usings = [l for l in code if l.startswith("using ")]
                body = ["        " + l for l in code if l.strip() and not l.startswith("using ")]
                project.write(f"Example{i}.cs", "\n".join(usings) + f"\n\npublic class Example{i}\n{{\n    [Xunit.Fact]\n    public void Runs()\n    {{\n" + "\n".join(body) + "\n    }\n}\n")
            else:
                project.write(f"Example{i}.cs", b["code"])
                runs += re.findall(r"^public static class (\w+)", b["code"], re.M)[:1] if template == "console" else []
        if template == "console":
            ns = {re.search(r"^namespace ([\w.]+);", b["code"], re.M).group(1) for b in project.blocks}
            project.write("Program.cs", "".join(f"using {n};\n" for n in sorted(ns)) + "".join(
                f'foreach (var line in {c}.Run())\n{{\n    Console.WriteLine(line);\n}}\n' for c in runs))
        if template == "xunit" and os.path.exists(os.path.join(project.dir, "UnitTest1.cs")):
            os.remove(os.path.join(project.dir, "UnitTest1.cs"))

    tests_of_apps = []
    for b in with_app:
        web = next(p for p in own if p.blocks[0]["page"] == b["page"] and p.template == b["app"])
        project = Project(f"{os.path.splitext(os.path.basename(b['page']))[0]}-{b['n']}-tests", b["template"])
        project.items[0] = f'<ProjectReference Include="{os.path.relpath(web.dir, project.dir)}/{os.path.basename(glob.glob(os.path.join(web.dir, "*.csproj"))[0])}" />'
        project.add(b)
        project.write("UnitTest1.cs", b["code"])
        tests_of_apps.append(project)

    # Built and run side by side: most of their time is restore and start-up, not the two cores.
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        for line in pool.map(build_and_run, list(shared.values()) + own):
            print(line, flush=True)
    for project in tests_of_apps:  # after the apps they reference, which are built by then
        print(build_and_run(project), flush=True)


def build_and_run(project):
    started = time.monotonic()
    project.finish()
    web_like = project.template in ("web", "webapi") or any(b.get("app") for b in project.blocks)
    warn = ["-warnaserror"] + (WEB_WARNINGS if web_like else [])
    if project.template == "xunit":
        run(["dotnet", "test", *warn], cwd=project.dir)
    elif project.template == "console":
        out = run(["dotnet", "run", *warn], cwd=project.dir)
        for b in project.blocks:
            if b.get("expect") and b["expect"] not in out:
                sys.exit(f"{project.where()}: the output does not hold {b['expect']!r}:\n{out}")
    else:
        run(["dotnet", "build", *warn], cwd=project.dir)
        for b in project.blocks:
            if b.get("check"):
                check_web(project, b)
    return f"ok ({time.monotonic() - started:.0f} s): {project.template}: {project.where()}"

main()
